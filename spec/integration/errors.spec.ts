import { isSubscribeError } from '../../lib/errors/subscribe-error';
import { isTokenError } from '../../lib/errors/token-error';
import { DEFAULT_API_KEY } from '../../lib/server';
import { AAPL, BUZZ, CROWD } from './support';
import { errorOf, harness, logged, next } from '../support/harness';

describe('errors from a real server', () => {
  const h = harness();
  afterEach(() => h.cleanUp());

  it("refused subscribe → SubscribeError 'rejected' with the server's message", async () => {
    const server = await h.start({ apiKeys: { [DEFAULT_API_KEY]: { paths: [BUZZ] } } });
    const client = h.client(server);

    const error = await errorOf(client.subscribe$(CROWD, AAPL));

    expect(isSubscribeError(error) && { code: error.code, path: error.path, params: error.params }).toEqual({
      code: 'rejected',
      path: CROWD,
      params: AAPL,
    });
    expect((error as Error).message).toContain('This API key may not use /real-time/crowd-sentiment');
    // The entitled path still works on the same key.
    await next(client.subscribe$(BUZZ, AAPL));
  });

  it("withheld ack → SubscribeError 'ack_timeout' after `ackTimeout`", async () => {
    const server = await h.start();
    server.setAckMode('withhold');
    const client = h.client(server, { ackTimeout: 200 });

    const started = Date.now();
    const error = await errorOf(client.subscribe$(CROWD, AAPL));

    expect(isSubscribeError(error) && error.code).toBe('ack_timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(logged(server, 'subscribe')).toHaveLength(1);
  });

  it("wrong API key → TokenError 'unauthorized' (401) at once, and state 'failed'", async () => {
    const server = await h.start();
    const client = h.client(server, { apiKey: 'sk_test_wrong' });
    const states: string[] = [];
    h.track(client.state$.subscribe((state) => states.push(state)));

    const started = Date.now();
    const error = await errorOf(client.subscribe$(CROWD, AAPL), 2_000);

    expect(isTokenError(error) && { code: error.code, status: error.status }).toEqual({
      code: 'unauthorized',
      status: 401,
    });
    // names what to fix
    expect((error as Error).message).toMatch(
      new RegExp(`HTTP 401: .*\\(${server.url}/jwt: check \`apiKey\` \\(MARKETPROPHIT_API_KEY\\?\\)\\)$`),
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(server.stats()).toMatchObject({ tokenRequests: 1, sockets: 0 });
    expect(states.at(-1)).toBe('failed');
  });

  it("a server that refuses every fresh token → TokenError 'rejected' after `retryAttempts`, not a loop", async () => {
    // Each look at this clock is an hour later, so every 1 s token has expired by its handshake.
    let now = Date.now();
    const server = await h.start({ tokenTtl: 1_000, clock: () => (now += 3_600_000) });
    const client = h.client(server, { retryAttempts: 2 });

    const error = await errorOf(client.subscribe$(CROWD, AAPL), 2_000);

    expect(isTokenError(error) && error.code).toBe('rejected');
    expect(logged(server, 'handshake_refused').map((entry) => entry.code)).toEqual([
      'token_expired',
      'token_expired',
      'token_expired',
    ]);
    expect(server.stats()).toMatchObject({ tokenRequests: 3, sockets: 0 });
  });

  it('retries failing token requests (503), then streams', async () => {
    const server = await h.start();
    server.failTokenRequests(2);
    const client = h.client(server);

    const [event] = await next(client.subscribe$(CROWD, AAPL));

    expect(event?.results[0]?.ticker).toBe('AAPL');
    expect(server.stats().tokenRequests).toBe(3);
    expect(logged(server, 'token').map((entry) => entry.outcome)).toEqual(['refused', 'refused', 'issued']);
  });
});
