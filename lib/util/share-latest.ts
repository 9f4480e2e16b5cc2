import {
  type MonoTypeOperatorFunction,
  type Observable,
  type Observer,
  type Subscription,
  BehaviorSubject,
  Observable as RxObservable,
} from 'rxjs';

const NOTHING: unique symbol = Symbol('nothing yet');

/**
 * Subscribes `observer` to `source` and returns the subscription, handed to `own` before `source` is
 * subscribed: it can be ended while a synchronous `source` is still subscribing, as with the
 * `SafeSubscriber` rxjs's `share` makes.
 */
const subscribeOwned = <T>(
  source: Observable<T>,
  observer: Partial<Observer<T>>,
  own: (subscription: Subscription) => void,
): Subscription =>
  new RxObservable<T>((subscriber) => {
    own(subscriber);
    source.subscribe(subscriber);
  }).subscribe(observer);

/**
 * `share` that hands a late subscriber the latest value, like a `ReplaySubject(1)` connector
 * (`shareReplay({ bufferSize: 1, refCount: true })`), reset on error, on completion and, as told by
 * `resetOnRefCountZero` (`true`: at once; a function: when the Observable it returns first emits), when
 * the last subscriber leaves. Step for step what
 * `share({ connector: () => new BehaviorSubject(NOTHING), resetOnError: true, resetOnComplete: true, resetOnRefCountZero })`
 * followed by `filter((value) => value !== NOTHING)` does, written out: rxjs's `share` would add 0.3 KB
 * gzip to every browser bundle (and `ReplaySubject` as much again). Also the plain `share()` of a
 * source that never emits (the subscription hub's sessions).
 */
export const shareLatest =
  <T>(resetOnRefCountZero: boolean | (() => Observable<unknown>)): MonoTypeOperatorFunction<T> =>
  (source) => {
    let connection: Subscription | undefined;
    let resetConnection: Subscription | undefined;
    let subject: BehaviorSubject<T | typeof NOTHING> | undefined;
    let refCount = 0;
    const cancelReset = () => {
      resetConnection?.unsubscribe();
      resetConnection = undefined;
    };
    const reset = () => {
      cancelReset();
      connection = subject = undefined;
    };
    const resetAndUnsubscribe = () => {
      const previous = connection;
      reset();
      previous?.unsubscribe();
    };
    return new RxObservable<T>((subscriber) => {
      refCount += 1;
      cancelReset();
      const dest = (subject ??= new BehaviorSubject<T | typeof NOTHING>(NOTHING));
      // Before subscribing to the subject, as share does: this teardown runs first.
      subscriber.add(() => {
        refCount -= 1;
        if (refCount > 0 || resetOnRefCountZero === false) return;
        if (resetOnRefCountZero === true) resetAndUnsubscribe();
        else {
          let notifier: Subscription | undefined;
          resetConnection = subscribeOwned(
            resetOnRefCountZero(),
            {
              next: () => {
                notifier?.unsubscribe();
                resetAndUnsubscribe();
              },
            },
            (subscription) => (notifier = subscription),
          );
        }
      });
      subscriber.add(
        dest.subscribe({
          next: (value) => {
            if (value !== NOTHING) subscriber.next(value);
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => subscriber.complete(),
        }),
      );
      if (connection === undefined && refCount > 0) {
        subscribeOwned(
          source,
          {
            next: (value) => dest.next(value),
            error: (error: unknown) => {
              reset();
              dest.error(error);
            },
            complete: () => {
              reset();
              dest.complete();
            },
          },
          (subscription) => (connection = subscription),
        );
      }
    });
  };
