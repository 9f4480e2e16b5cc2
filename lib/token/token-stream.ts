import {
  type Observable,
  type SchedulerLike,
  Observable as RxObservable,
  catchError,
  concat,
  defaultIfEmpty,
  defer,
  from,
  isObservable,
  map,
  merge,
  of,
  retry,
  shareReplay,
  switchMap,
  take,
  throwError,
  timeout,
  timer,
} from 'rxjs';
import { TokenError } from '../errors/token-error';
import type { LifecycleRuntime } from '../lifecycle/lifecycle-runtime';
import type { LifecyclePolicy } from '../lifecycle/policy';
import { readJwtExpiry } from './jwt-expiry';
import { toTokenError } from './to-token-error';
import type { TokenSource } from './token-source';

export interface TokenStreamOptions {
  readonly source: TokenSource;
  readonly policy: LifecyclePolicy;
  readonly scheduler: SchedulerLike;
  /** Told of every request and failure; decides the retries; says when the server refused a token. */
  readonly lifecycle: Pick<LifecycleRuntime, 'dispatch' | 'tokenRefused$'>;
}

/** One call of the source. Unsubscribing before it answers aborts it (the signal goes to `fetch`). */
const fromSource = (source: TokenSource): Observable<string> =>
  new RxObservable<string>((subscriber) => {
    const controller = new AbortController();
    const value = source({ signal: controller.signal });
    const answer = isObservable(value) ? value : typeof value === 'string' ? of(value) : from(value);
    const inner = answer.subscribe(subscriber);
    return () => {
      inner.unsubscribe();
      controller.abort();
    };
  });

/**
 * `token$`: a fetch at once, the next when the policy says the token is due (`refreshIn`), and a fresh
 * one as soon as the server refuses the current one; the newest fetch wins (switchMap). Each request is
 * bounded by `tokenTimeout`; the lifecycle decides what a failure means (retry after backoff, or fail).
 */
export const createTokenStream = ({
  source,
  policy,
  scheduler,
  lifecycle,
}: TokenStreamOptions): Observable<string> => {
  const fetchOnce$ = defer(() => {
    lifecycle.dispatch({ type: 'token-requested' });
    return fromSource(source);
  }).pipe(
    take(1),
    defaultIfEmpty(undefined),
    map((token) => {
      if (typeof token !== 'string' || token === '') {
        throw new TokenError('bad_response', 'The token source finished without a token');
      }
      return token;
    }),
    timeout({
      first: policy.tokenTimeout,
      scheduler,
      with: () =>
        throwError(
          () => new TokenError('timeout', `No token within ${policy.tokenTimeout} ms (request aborted)`),
        ),
    }),
    catchError((error: unknown) => throwError(() => toTokenError(error))),
    retry({
      delay: (error: TokenError) => {
        const effect = lifecycle.dispatch({ type: 'token-failed', error });
        if (effect.type === 'retry') return timer(effect.after, scheduler);
        return throwError(() => (effect.type === 'fail' ? effect.error : error));
      },
    }),
  );

  const tokenChain$: Observable<string> = fetchOnce$.pipe(
    switchMap((token) => {
      const timing = { fetchedAt: scheduler.now(), expiresAt: readJwtExpiry(token) };
      const due = policy.refreshIn(timing, policy);
      return concat(of(token), timer(due, scheduler).pipe(switchMap(() => tokenChain$)));
    }),
  );

  // The first fetch on the scheduler, like every later one, so that marble tests see it at frame 0.
  return merge(timer(0, scheduler), lifecycle.tokenRefused$).pipe(
    switchMap(() => tokenChain$),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
};
