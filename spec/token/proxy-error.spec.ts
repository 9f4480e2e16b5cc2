import { defaultTransient, isTransient } from '../../lib/lifecycle/transient';
import { proxyErrorCodeOf, tokenErrorOf } from '../../lib/token/proxy-error';

describe('tokenErrorOf (a token route answered an error)', () => {
  const body = (error: unknown) => JSON.stringify({ error });

  it.each([
    ['upstream_unauthorized', 'unauthorized'],
    ['upstream_forbidden', 'forbidden'],
  ] as const)('reads a proxy code %s as a permanent %s with the route message', (proxyCode, code) => {
    const error = tokenErrorOf(502, body({ type: 'api_error', code: proxyCode, message: ' Key refused ' }));
    expect(error).toMatchObject({ code, status: 502, message: 'Key refused' });
    expect(isTransient(defaultTransient, error)).toBe(false);
  });

  it('keeps a 502 without a known code transient, as before', () => {
    for (const text of [
      body({ type: 'api_error', code: 'upstream_unavailable', message: 'down' }),
      body({ code: 'something_else' }),
      'Bad gateway',
      '',
    ]) {
      expect(tokenErrorOf(502, text)).toMatchObject({ code: 'http', status: 502 });
      expect(isTransient(defaultTransient, tokenErrorOf(502, text))).toBe(true);
    }
    expect(tokenErrorOf(401, '')).toMatchObject({ code: 'unauthorized' });
    expect(isTransient(defaultTransient, tokenErrorOf(401, ''))).toBe(false);
  });

  it('does not trust the body: odd shapes fall back to the status, long messages are cut', () => {
    for (const text of ['{', '{"error":null}', '{"error":"x"}', '[1]', 'null', '{"error":{"code":1}}']) {
      expect(tokenErrorOf(503, text)).toMatchObject({ code: 'http', status: 503 });
    }
    const noMessage = tokenErrorOf(502, body({ code: 'upstream_unauthorized', message: 42 }));
    expect(noMessage.message).toMatch(/API key was refused \(HTTP 502\)/);
    const long = tokenErrorOf(502, body({ code: 'upstream_forbidden', message: 'x'.repeat(10_000) }));
    expect(long.message.length).toBe(300);
  });

  it('maps upstream statuses to proxy codes', () => {
    expect([401, 403, 500, undefined].map(proxyErrorCodeOf)).toEqual([
      'upstream_unauthorized',
      'upstream_forbidden',
      'upstream_unavailable',
      'upstream_unavailable',
    ]);
  });
});
