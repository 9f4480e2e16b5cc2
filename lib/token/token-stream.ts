import {
  type Observable,
  type SchedulerLike,
  Observable as RxObservable,
  Subscription,
  isObservable,
} from 'rxjs';
import { TokenError, isTokenError } from '../errors/token-error';
import type { LifecycleRuntime } from '../lifecycle/lifecycle-runtime';
import type { LifecyclePolicy } from '../lifecycle/policy';
import { readJwtExpiry } from './jwt-expiry';
import { describeReason } from '../util/describe-reason';
import { previewJson } from '../util/json-text';
import { shareLatest } from '../util/share-latest';
import type { TokenSource } from './token-source';

export interface TokenStreamOptions {
  readonly source: TokenSource;
  readonly policy: LifecyclePolicy;
  readonly scheduler: SchedulerLike;
  /**
   * Told of every request, token and failure; decides when the next request goes out (refresh, retry,
   * a refused token) and carries it out through the hands this stream attaches while it runs.
   */
  readonly lifecycle: Pick<LifecycleRuntime, 'dispatch' | 'attachToken'>;
}

/** Errors from a custom token source become `TokenError`s (code `source`, retried as transient). */
const toTokenError = (error: unknown): TokenError =>
  isTokenError(error)
    ? error
    : new TokenError('source', `Token source failed: ${describeReason(error)}`, undefined, { cause: error });

/**
 * One call of the source, whatever it returns (a string, a promise, an Observable whose first value
 * counts), its answer given to `succeed` or `fail`. Closing `request` aborts it (the signal goes to
 * `fetch`) and drops a late answer.
 */
const callSource = (
  source: TokenSource,
  request: Subscription,
  succeed: (token: unknown) => void,
  fail: (error: unknown) => void,
): void => {
  const controller = new AbortController();
  request.add(() => controller.abort());
  try {
    const answer = source({ signal: controller.signal });
    if (typeof answer === 'string') succeed(answer);
    else if (isObservable(answer)) {
      request.add(answer.subscribe({ next: succeed, error: fail, complete: () => succeed(undefined) }));
    } else if (typeof (answer as Partial<PromiseLike<unknown>> | null)?.then === 'function') {
      answer.then(succeed, fail);
    } else {
      fail(new TypeError(`returned ${previewJson(answer)}, not a string, a promise or an Observable`));
    }
  } catch (error) {
    fail(error);
  }
};

/**
 * `token$`: a fetch at once, the next when the lifecycle says (the policy's `refreshIn`), and a fresh one
 * when the server refuses the current one (the lifecycle decides when: at once the first time, then
 * after the backoff), which replaces whatever was under way. Each request is bounded by `tokenTimeout`
 * and aborted when nobody needs it; the lifecycle decides what a failure means (retry after backoff,
 * or fail). Written as one loop on the scheduler rather than `timeout`/`retry`/`concat` operators,
 * which would add 1 KB gzip to every browser bundle.
 */
export const createTokenStream = ({
  source,
  policy,
  scheduler,
  lifecycle,
}: TokenStreamOptions): Observable<string> =>
  new RxObservable<string>((subscriber) => {
    /** The request in flight with its deadline, or the wait for the next one. */
    let current = new Subscription();

    const fetchAfter = (after: number) => {
      current.unsubscribe();
      current = scheduler.schedule(request, after);
    };
    const request = () => {
      current.unsubscribe();
      lifecycle.dispatch({ type: 'token-requested' });
      const pending = new Subscription();
      current = pending;
      const fail = (error: unknown) => {
        if (pending.closed) return;
        pending.unsubscribe();
        lifecycle.dispatch({ type: 'token-failed', error: toTokenError(error) });
      };
      const succeed = (token: unknown) => {
        if (pending.closed) return;
        if (typeof token !== 'string' || token === '') {
          fail(new TokenError('bad_response', 'The token source finished without a token'));
          return;
        }
        pending.unsubscribe();
        lifecycle.dispatch({ type: 'token-received', expiresAt: readJwtExpiry(token) });
        subscriber.next(token);
      };
      pending.add(
        scheduler.schedule(
          () =>
            fail(
              new TokenError(
                'timeout',
                `No token from ${source.url ?? 'the token source'} within ${policy.tokenTimeout} ms (request aborted)`,
              ),
            ),
          policy.tokenTimeout,
        ),
      );
      callSource(source, pending, succeed, fail);
    };

    const detach = lifecycle.attachToken({
      'fetch-token': ({ after }) => fetchAfter(after),
      'new-token': request,
      fail: ({ error }) => subscriber.error(error),
    });
    // The first fetch on the scheduler, like every later one, so that marble tests see it at frame 0.
    fetchAfter(0);
    return () => {
      detach();
      current.unsubscribe();
    };
  }).pipe(shareLatest(true));
