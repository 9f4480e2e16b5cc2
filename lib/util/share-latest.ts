import {
  type MonoTypeOperatorFunction,
  type ShareConfig,
  type SubjectLike,
  BehaviorSubject,
  filter,
  share,
} from 'rxjs';

const NOTHING: unique symbol = Symbol('nothing yet');

/**
 * `share` that hands a late subscriber the latest value, like a `ReplaySubject(1)` connector
 * (`shareReplay({ bufferSize: 1, refCount: true })`), reset on error, on completion and, as told by
 * `resetOnRefCountZero`, when the last subscriber leaves. Built on `BehaviorSubject`, which the client
 * has anyway: `ReplaySubject` would add 0.3 KB gzip to every browser bundle.
 */
export const shareLatest =
  <T>(resetOnRefCountZero: ShareConfig<T>['resetOnRefCountZero']): MonoTypeOperatorFunction<T> =>
  (source) =>
    source.pipe(
      share({
        // Holds NOTHING until the first value; the filter below keeps it from subscribers.
        connector: () => new BehaviorSubject<T | typeof NOTHING>(NOTHING) as unknown as SubjectLike<T>,
        resetOnError: true,
        resetOnComplete: true,
        resetOnRefCountZero,
      }),
      filter((value: T | typeof NOTHING): value is T => value !== NOTHING),
    );
