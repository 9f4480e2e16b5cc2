import { Observable, of, throwError } from 'rxjs';
import { TokenError } from '../../lib/errors/token-error';
import { createLifecycleRuntime } from '../../lib/lifecycle/lifecycle-runtime';
import { type PolicyOverrides, resolvePolicy } from '../../lib/lifecycle/policy';
import { createTokenStream } from '../../lib/token/token-stream';
import type { TokenSource } from '../../lib/token/token-source';
import { createTestScheduler } from '../support/marbles';

/** A JWT whose `exp` is `exp` (seconds since the epoch): only the claim is read. */
const jwt = (exp: number): string => `h.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.s`;

/**
 * The token stream on its own, in virtual time, with the real lifecycle: refreshes every 1 000 ms, a
 * backoff of 100 ms × attempt, tokens time out after 50 ms.
 */
const tokenStreamOf = (source: TokenSource, policy: PolicyOverrides = {}) => {
  const scheduler = createTestScheduler();
  const resolved = resolvePolicy('spec', {
    refreshEvery: 1_000,
    retryWait: (attempt) => attempt * 100,
    tokenTimeout: 50,
    ...policy,
  });
  const lifecycle = createLifecycleRuntime(resolved, scheduler);
  const token$ = createTokenStream({ source, policy: resolved, scheduler, lifecycle });
  return { scheduler, lifecycle, token$ };
};

/** A source answering `t1`, `t2`, … with a delay of `ms` (an Observable: virtual time). */
const counting = (ms: number, fail: (call: number) => boolean = () => false) => {
  let calls = 0;
  const source: TokenSource = () => {
    calls += 1;
    const call = calls;
    return fail(call)
      ? throwError(() => TokenError.fromStatus(503, 'down'))
      : new Observable<string>((subscriber) => {
          const timer = setTimeoutVirtual(() => subscriber.next(`t${call}`), ms);
          return () => timer.unsubscribe();
        });
  };
  return { source, calls: () => calls };
};
let setTimeoutVirtual: (work: () => void, ms: number) => { unsubscribe(): void } = () => {
  throw new Error('set in each test');
};

describe('createTokenStream', () => {
  it('fetches at once, then every refreshEvery (the lifecycle plans the refresh)', () => {
    const { source } = counting(0);
    const { scheduler, token$ } = tokenStreamOf(source);
    setTimeoutVirtual = (work, ms) => scheduler.schedule(work, ms);
    scheduler.run(({ expectObservable }) => {
      expectObservable(token$, '^ 2500ms !').toBe('a 999ms b 999ms c', { a: 't1', b: 't2', c: 't3' });
    });
  });

  it('refreshes a minute before a token’s exp when that comes sooner (policy.refreshIn)', () => {
    const { scheduler, token$ } = tokenStreamOf(() => of(jwt(61)), { refreshEvery: 3_600_000 });
    scheduler.run(({ expectObservable }) => {
      // exp is 61 s after the epoch: refreshed 60 s before, at 1 s (the least a token is kept).
      expectObservable(token$, '^ 1500ms !').toBe('a 999ms b', { a: jwt(61), b: jwt(61) });
    });
  });

  it('retries a failed request after the backoff, then delivers', () => {
    const { source, calls } = counting(0, (call) => call <= 2);
    const { scheduler, token$, lifecycle } = tokenStreamOf(source);
    setTimeoutVirtual = (work, ms) => scheduler.schedule(work, ms);
    const states: string[] = [];
    lifecycle.state$.subscribe((state) => states.push(state));
    scheduler.run(({ expectObservable }) => {
      // 503 at 0, retried at 100; 503 again, retried at 100 + 200.
      expectObservable(token$, '^ 500ms !').toBe('300ms a', { a: 't3' });
    });
    expect(calls()).toBe(3); // the refresh, 1 000 ms after t3, is not due yet
    expect(states).toEqual(['idle', 'authenticating']);
  });

  it('bounds a request by tokenTimeout and aborts it', () => {
    let aborted = false;
    const { scheduler, token$ } = tokenStreamOf(
      ({ signal }) => {
        signal.addEventListener('abort', () => (aborted = true));
        return new Promise<string>(() => undefined);
      },
      { retryAttempts: 0 },
    );
    scheduler.run(({ expectObservable }) => {
      expectObservable(token$).toBe(
        '50ms #',
        undefined,
        expect.objectContaining({ name: 'TokenError', code: 'timeout' }),
      );
    });
    expect(aborted).toBe(true);
  });

  it('fetches a fresh token at once when the server refuses one, and after the backoff when it refuses again', () => {
    const { source } = counting(0);
    const { scheduler, token$, lifecycle } = tokenStreamOf(source);
    setTimeoutVirtual = (work, ms) => scheduler.schedule(work, ms);
    scheduler.run(({ expectObservable }) => {
      const refused = () =>
        lifecycle.dispatch({ type: 'handshake-refused', socket: 1, error: new Error('jwt expired') });
      // The refusals come from socket 1, the newest the lifecycle knows.
      scheduler.schedule(() => lifecycle.dispatch({ type: 'socket-opening', socket: 1 }), 5);
      scheduler.schedule(refused, 10);
      scheduler.schedule(refused, 20);
      // 1st refusal at 10: t2 at once; 2nd at 20: after retryWait(1) = 100 ms.
      expectObservable(token$, '^ 200ms !').toBe('a 9ms b 109ms c', { a: 't1', b: 't2', c: 't3' });
    });
  });
});
