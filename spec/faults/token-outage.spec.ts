import type { LocalServer } from '../../lib/server';
import { harness, record } from './support';
import { until } from '../support/wait';

/** The client's wait before token retry `n` (1, 2, …): 40, 80, 160, 200, 200 … ms. */
const retryWait = (n: number) => Math.min(20 * 2 ** n, 200);
// setTimeout may fire a millisecond early relative to Date.now(); an HTTP round trip may add tens.
const EARLY = 3;
const LATE = 150;

const gapsOf = (times: readonly number[]) => times.slice(1).map((at, index) => at - (times[index] ?? at));

describe('the token endpoint is down for a while', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanUp());

  const subscribe = (server: LocalServer) => h.watch(h.client(server.url, { retryWait }));

  it('at start: 4 × 503, retried with backoff, then data; 5 requests in all', async () => {
    const server = await h.start();
    const tokens = record(server, 'token');
    h.track(tokens.subscription);
    server.failTokenRequests(4, 503);
    const { states, received, errors } = subscribe(server);

    await until('data', () => received.length >= 3);
    const outcomes = tokens.entries.map((entry) => (entry.outcome === 'issued' ? 200 : entry.status));
    expect(outcomes).toEqual([503, 503, 503, 503, 200]);
    gapsOf(tokens.entries.map((entry) => entry.at)).forEach((gap, index) => {
      expect(gap).toBeGreaterThanOrEqual(retryWait(index + 1) - EARLY);
      expect(gap).toBeLessThan(retryWait(index + 1) + LATE);
    });
    expect(states).toEqual(['idle', 'authenticating', 'connecting', 'connected']);
    expect(errors).toEqual([]);

    await until('more data', () => received.length >= 20);
    expect(server.stats()).toEqual({ sockets: 1, tokenRequests: 5, subscriptions: 1 });
    await h.release();
  });

  it('after revokeTokens(): one refused handshake, 3 × 503 with backoff, a fresh token, data again', async () => {
    const server = await h.start();
    const { states, received, errors } = subscribe(server);
    await until('data', () => received.length >= 3);
    const tokens = record(server, 'token');
    const refusals = record(server, 'handshake_refused');
    h.track(tokens.subscription);
    h.track(refusals.subscription);

    server.failTokenRequests(3, 503);
    server.revokeTokens();
    const revokedAt = Date.now();
    const beforeRevoke = received.length;

    await until('data after the revocation', () => received.length >= beforeRevoke + 5, 5_000);
    expect(refusals.entries.map((entry) => entry.code)).toEqual(['invalid_token']);
    const outcomes = tokens.entries.map((entry) => (entry.outcome === 'issued' ? 200 : entry.status));
    expect(outcomes).toEqual([503, 503, 503, 200]);
    const times = tokens.entries.map((entry) => entry.at);
    // the refused handshake comes first (a reconnect after retryWait(1)), then the fetch at once
    expect((times[0] ?? 0) - revokedAt).toBeGreaterThanOrEqual(retryWait(1) - EARLY);
    gapsOf(times).forEach((gap, index) => {
      expect(gap).toBeGreaterThanOrEqual(retryWait(index + 1) - EARLY);
      expect(gap).toBeLessThan(retryWait(index + 1) + LATE);
    });
    expect(states.slice(4)).toEqual(['reconnecting', 'authenticating', 'connecting', 'connected']);
    expect(errors).toEqual([]);
    expect(h.sockets).toHaveLength(2);
    expect(server.stats()).toEqual({ sockets: 1, tokenRequests: 1 + 4, subscriptions: 1 });
    await h.release();
  });
});
