import {
  type Observable,
  type SchedulerLike,
  catchError,
  concat,
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
  timer,
  defaultIfEmpty,
} from 'rxjs';
import { TokenError } from '../errors/token-error';
import { readJwtExpiry } from './jwt-expiry';
import type { RetryWait } from './retry-wait';
import { toTokenError } from './to-token-error';
import type { TokenSource } from './token-source';

export interface TokenStreamOptions {
  readonly source: TokenSource;
  readonly refreshEvery: number;
  /** Emits when the server refused the current token: fetch a new one at once. */
  readonly refresh$: Observable<unknown>;
  readonly scheduler: SchedulerLike;
  readonly retryAttempts: number;
  readonly retryWait: RetryWait;
  readonly onFetch?: () => void;
}

/** Refresh this long before a token's own `exp`, when it has one that comes before `refreshEvery`. */
const EXPIRY_MARGIN = 60_000;
const MIN_EARLY_REFRESH = 1_000;

const fromSource = (source: TokenSource): Observable<string> =>
  defer(() => {
    const value = source();
    return isObservable(value) ? value : typeof value === 'string' ? of(value) : from(value);
  });

/**
 * `token$`: a fetch at once and every `refreshEvery`, and at once on `refresh$`; the newest fetch wins
 * (switchMap). Transient failures are retried with backoff; a 401/403 ends it with a `TokenError`.
 */
export const createTokenStream = (options: TokenStreamOptions): Observable<string> => {
  const { source, refreshEvery, refresh$, scheduler, retryAttempts, retryWait, onFetch } = options;

  const fetchOnce$ = defer(() => {
    onFetch?.();
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
    catchError((error: unknown) => throwError(() => toTokenError(error))),
    retry({
      count: retryAttempts,
      delay: (error: TokenError, retries) =>
        error.transient ? timer(retryWait(retries), scheduler) : throwError(() => error),
    }),
  );

  // A token whose `exp` comes before the next scheduled refresh gets an extra, earlier one.
  const tokenChain$: Observable<string> = fetchOnce$.pipe(
    switchMap((token) => {
      const expiry = readJwtExpiry(token);
      if (expiry === undefined) return of(token);
      const due = Math.max(expiry - scheduler.now() - EXPIRY_MARGIN, MIN_EARLY_REFRESH);
      if (due >= refreshEvery) return of(token);
      return concat(of(token), timer(due, scheduler).pipe(switchMap(() => tokenChain$)));
    }),
  );

  return merge(timer(0, refreshEvery, scheduler), refresh$).pipe(
    switchMap(() => tokenChain$),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
};
