import { asyncScheduler, type SchedulerAction, type SchedulerLike } from 'rxjs';
import type { LocalServer } from '../../lib/server';
import { harness, record } from './support';
import { until } from '../support/wait';

/** The client's wait before try `n` after `n` failures in a row (1, 2, …): 40, 80, 160, 200, 200 … ms. */
const retryWait = (n: number) => Math.min(20 * 2 ** n, 200);
/** setTimeout may fire a millisecond or two early relative to Date.now(). */
const EARLY = 3;
/**
 * Wall-clock slack on top of a wait: a loopback round trip and a timer on a saturated machine (both
 * sides run in this process). The waits themselves are checked exactly on the client's scheduler, so
 * this bound only has to catch a retry that did not follow them; it stays below 500 ms, the default
 * policy's shortest first wait, so a client that fell back to it fails here too.
 */
const LATE = 400;
/** Shorter than any of the client's own timeouts (10 s and more): what it schedules below is a wait. */
const WAITS_BELOW = 1_000;

const gapsOf = (times: readonly number[]) => times.slice(1).map((at, index) => at - (times[index] ?? at));

/** The client's scheduler, recording every delay it is asked for, with the wall-clock time it was asked. */
const recordingScheduler = () => {
  const scheduled: { readonly delay: number; readonly at: number }[] = [];
  const scheduler: SchedulerLike = {
    now: () => asyncScheduler.now(),
    schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T) {
      scheduled.push({ delay, at: Date.now() });
      return asyncScheduler.schedule(work, delay, state);
    },
  };
  /** The retry waits scheduled from `from` until `until`, in order. */
  const waits = (from: number, until: number) =>
    scheduled
      .filter(({ delay, at }) => at >= from && at <= until && delay > 0 && delay < WAITS_BELOW)
      .map(({ delay }) => delay);
  return { scheduler, waits };
};

/** Each gap is at least its wait (strictly: a timer cannot fire before it is due) and not far beyond. */
const expectGaps = (gaps: readonly number[], waits: readonly number[]) => {
  expect(gaps).toHaveLength(waits.length);
  gaps.forEach((gap, index) => {
    const wait = waits[index] ?? 0;
    expect(gap).toBeGreaterThanOrEqual(wait - EARLY);
    expect(gap).toBeLessThan(wait + LATE);
  });
};

describe('the token endpoint is down for a while', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanUp());

  const subscribe = (server: LocalServer) => {
    const clock = recordingScheduler();
    return { ...h.watch(h.client(server.url, { retryWait, scheduler: clock.scheduler })), clock };
  };

  it('at start: 4 × 503, retried with backoff, then data; 5 requests in all', async () => {
    const server = await h.start();
    const tokens = record(server, 'token');
    h.track(tokens.subscription);
    server.failTokenRequests(4, 503);
    const startedAt = Date.now();
    const { states, received, errors, clock } = subscribe(server);

    await until('data', () => received.length >= 3);
    const outcomes = tokens.entries.map((entry) => (entry.outcome === 'issued' ? 200 : entry.status));
    expect(outcomes).toEqual([503, 503, 503, 503, 200]);
    const times = tokens.entries.map((entry) => entry.at);
    // failures 1 to 4 in a row, each followed by its wait: exactly, on the client's scheduler…
    const waits = [retryWait(1), retryWait(2), retryWait(3), retryWait(4)];
    expect(clock.waits(startedAt, times.at(-1) ?? 0)).toEqual(waits);
    // …and at least that long (not much longer) between the requests the server saw.
    expectGaps(gapsOf(times), waits);
    expect(states).toEqual(['idle', 'authenticating', 'connecting', 'connected']);
    expect(errors).toEqual([]);

    await until('more data', () => received.length >= 20);
    expect(server.stats()).toEqual({ sockets: 1, tokenRequests: 5, subscriptions: 1 });
    await h.release();
  });

  it('after revokeTokens(): one refused handshake, 3 × 503 with backoff, a fresh token, data again', async () => {
    const server = await h.start();
    const { states, received, errors, clock } = subscribe(server);
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
    // Failures in a row, counted across kinds: the hang-up (1) is a reconnect after retryWait(1); its
    // refused handshake (2) a fresh token after retryWait(1), the first refusal's own wait being 0;
    // then the token requests that fail (3, 4, 5) wait retryWait(3), retryWait(4), retryWait(5).
    expect(clock.waits(revokedAt, times.at(-1) ?? 0)).toEqual([
      retryWait(1),
      retryWait(1),
      retryWait(3),
      retryWait(4),
      retryWait(5),
    ]);
    expect((times[0] ?? 0) - revokedAt).toBeGreaterThanOrEqual(retryWait(1) + retryWait(1) - EARLY);
    expectGaps(gapsOf(times), [retryWait(3), retryWait(4), retryWait(5)]);
    expect(states.slice(4)).toEqual(['reconnecting', 'authenticating', 'connecting', 'connected']);
    expect(errors).toEqual([]);
    expect(h.sockets).toHaveLength(2);
    expect(server.stats()).toEqual({ sockets: 1, tokenRequests: 1 + 4, subscriptions: 1 });
    await h.release();
  });
});
