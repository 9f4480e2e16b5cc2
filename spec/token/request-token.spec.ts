import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import crossFetch from 'cross-fetch';
import { apiKeyToken } from '../../lib/token/api-key-token';
import { proxyToken } from '../../lib/token/proxy-token';
import { readJwtExpiry } from '../../lib/token/jwt-expiry';
import type { TokenSource } from '../../lib/token/token-source';
import { defaultTransient, isTransient } from '../../lib/lifecycle/transient';
import { DEFAULT_API_KEY, startServer, type LocalServer } from '../../lib/server';

const fromSource = async (source: TokenSource): Promise<unknown> =>
  source({ signal: new AbortController().signal });

/** Whether the default policy retries the failure `promise` ends with (`undefined` if it does not fail). */
const retried = (promise: Promise<unknown>): Promise<boolean | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => isTransient(defaultTransient, error),
  );

describe('apiKeyToken against the local server', () => {
  let server: LocalServer;

  beforeAll(async () => {
    server = await startServer({ port: 0, tokenTtl: 60 * 60 * 1000 });
  });
  afterAll(() => server.close());

  it('POSTs {url}/jwt with Basic auth and returns the token', async () => {
    const token = await fromSource(apiKeyToken(`${server.url}/`, DEFAULT_API_KEY, crossFetch));
    expect(typeof token).toBe('string');
    const expiry = readJwtExpiry(token as string);
    expect(expiry).toBeGreaterThan(Date.now() + 59 * 60 * 1000);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 60 * 60 * 1000 + 1000);
  });

  it('fails with a TokenError 401 (not transient) for a wrong key', async () => {
    const failure = fromSource(apiKeyToken(server.url, 'sk_test_wrong', crossFetch));
    await expect(retried(failure)).resolves.toBe(false);
    await expect(failure).rejects.toMatchObject({
      name: 'TokenError',
      code: 'unauthorized',
      status: 401,
      message: expect.stringContaining('Invalid API key'),
    });
    // The message ends with what to check: the key is the caller's to fix.
    await expect(failure).rejects.toMatchObject({
      message: expect.stringMatching(
        new RegExp(`\\(${server.url}/jwt: check \`apiKey\` \\(MARKETPROPHIT_API_KEY\\?\\)\\)$`),
      ),
    });
  });

  it('fails with a transient TokenError for a 503', async () => {
    server.failTokenRequests(1, 503);
    const failure = fromSource(apiKeyToken(server.url, DEFAULT_API_KEY, crossFetch));
    await expect(retried(failure)).resolves.toBe(true);
    await expect(failure).rejects.toMatchObject({
      code: 'http',
      status: 503,
    });
  });
});

describe('proxyToken', () => {
  let http: Server;
  let url: string;
  let answer: { status: number; body: string };
  const seen: { method?: string; credentials?: string }[] = [];

  beforeAll(async () => {
    http = createServer((request, response) => {
      seen.push({ method: request.method });
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/jwt`;
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  it('POSTs to the route and returns { token }', async () => {
    answer = { status: 200, body: JSON.stringify({ token: 'abc.def.ghi' }) };
    await expect(fromSource(proxyToken(url))).resolves.toBe('abc.def.ghi');
    expect(seen.at(-1)).toEqual({ method: 'POST' });
  });

  it.each([
    ['not JSON', 'nope', 'undefined'],
    ['no token', JSON.stringify({ jwt: 'x' }), '{"jwt":"x"}'],
    ['an empty token', JSON.stringify({ token: '' }), '{"token":""}'],
    ['a token that is no string', JSON.stringify({ token: 7 }), '{"token":7}'],
  ])('refuses a body with %s as bad_response, showing what came', async (_case, body, got) => {
    answer = { status: 200, body };
    const failure = fromSource(proxyToken(url));
    await expect(retried(failure)).resolves.toBe(false);
    await expect(failure).rejects.toMatchObject({
      code: 'bad_response',
      status: 200,
      message: `Token response from ${url} is not { token: string }: got ${got}`,
    });
  });

  // A 401 says no word of an API key: the route holds it.
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
  ])('maps %p to %p', async (status, code) => {
    answer = { status, body: 'not you' };
    await expect(fromSource(proxyToken(url))).rejects.toMatchObject({
      code,
      status,
      message: `Token request failed with HTTP ${status}: not you`,
    });
  });

  it('reports a refused connection as a transient network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const failure = fromSource(proxyToken(`http://127.0.0.1:${port}/jwt`));
    await expect(retried(failure)).resolves.toBe(true);
    await expect(failure).rejects.toMatchObject({
      code: 'network',
    });
  });
});
