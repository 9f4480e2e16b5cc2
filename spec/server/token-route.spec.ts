import { basic, decodeClaims, postJwt } from './helpers';
import { harness } from '../support/harness';

const h = harness({ interval: 20 });
afterEach(() => h.cleanUp());

describe('POST /jwt', () => {
  it('issues an HS256 token with iat/exp and a key id, never the key', async () => {
    const server = await h.start({ tokenTtl: 60_000 });
    const before = Math.floor(Date.now() / 1000);
    const response = await postJwt(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['token']);
    const token = String(body['token']);
    expect(token.split('.')).toHaveLength(3);
    const claims = decodeClaims(token);
    expect(claims['iat']).toBeGreaterThanOrEqual(before);
    expect(claims['exp']).toBe(Number(claims['iat']) + 60);
    expect(claims['sub']).toMatch(/^key_[0-9a-f]{16}$/);
    expect(token).not.toContain('sk_test');
    expect(JSON.stringify(claims)).not.toContain('sk_test');
    expect(server.stats().tokenRequests).toBe(1);
    expect(server.log).toContainEqual(expect.objectContaining({ type: 'token', outcome: 'issued', token }));
  });

  it('defaults to a 5 hour lifetime and gives every token its own id', async () => {
    const server = await h.start();
    const [a, b] = await Promise.all([postJwt(server.url), postJwt(server.url)]);
    const claimsA = decodeClaims(((await a?.json()) as { token: string }).token);
    const claimsB = decodeClaims(((await b?.json()) as { token: string }).token);
    expect(Number(claimsA['exp']) - Number(claimsA['iat'])).toBe(5 * 60 * 60);
    expect(claimsA['jti']).not.toEqual(claimsB['jti']);
    expect(claimsA['sub']).toEqual(claimsB['sub']);
  });

  it('accepts every configured key, with a different key id each', async () => {
    const server = await h.start({ apiKeys: ['sk_test_a', 'sk_test_b'] });
    const subs = await Promise.all(
      ['sk_test_a', 'sk_test_b'].map(async (key) => {
        const response = await postJwt(server.url, key);
        return decodeClaims(((await response.json()) as { token: string }).token)['sub'];
      }),
    );
    expect(new Set(subs).size).toBe(2);
    expect((await postJwt(server.url)).status).toBe(401); // the default key is not configured here
  });

  it('answers 401 in the upstream error shape for a wrong or missing key', async () => {
    const server = await h.start();
    const wrong = await postJwt(server.url, 'sk_test_wrong');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { type: 'invalid_request_error', message: 'Invalid API key provided' },
    });
    const missing = await postJwt(server.url, null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: { type: 'invalid_request_error', message: 'No API key provided' },
    });
    const bearer = await fetch(`${server.url}/jwt`, {
      method: 'POST',
      headers: { Authorization: 'Bearer x' },
    });
    expect(bearer.status).toBe(401);
    expect(server.log.filter((entry) => entry.type === 'token').map((entry) => entry.outcome)).toEqual([
      'refused',
      'refused',
      'refused',
    ]);
  });

  it('accepts a key given without the trailing colon', async () => {
    const server = await h.start();
    const auth = `Basic ${Buffer.from('sk_test_marketprophit').toString('base64')}`;
    const response = await fetch(`${server.url}/jwt`, { method: 'POST', headers: { Authorization: auth } });
    expect(response.status).toBe(200);
  });

  it('answers 404 for other paths and 405 for other methods on /jwt', async () => {
    const server = await h.start();
    const notFound = await fetch(`${server.url}/nope`, {
      method: 'POST',
      headers: { Authorization: basic('x') },
    });
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    const get = await fetch(`${server.url}/jwt`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
    await get.text();
  });

  it('answers the CORS preflight', async () => {
    const server = await h.start();
    const response = await fetch(`${server.url}/jwt`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  it('fails the next n token requests with the injected status, then recovers', async () => {
    const server = await h.start();
    server.failTokenRequests(2);
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await postJwt(server.url);
      statuses.push(response.status);
      if (index === 0)
        expect(await response.json()).toEqual({ error: { type: 'api_error', message: expect.any(String) } });
      else await response.text();
    }
    expect(statuses).toEqual([503, 503, 200]);
    server.failTokenRequests(1, 500);
    expect((await postJwt(server.url)).status).toBe(500);
    expect(server.stats().tokenRequests).toBe(4);
  });
});
