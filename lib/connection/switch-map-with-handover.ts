import { type Observable, type OperatorFunction, Observable as RxObservable, Subscription } from 'rxjs';

/**
 * `switchMap` that makes before it breaks: an older inner stays subscribed until the newest inner's
 * first value has been handed over (`handover(value)` emitted), then every older inner is dropped.
 * Used for token rotation: the old socket keeps delivering until the new one has its subscriptions.
 */
export const switchMapWithHandover =
  <T, R>(
    project: (value: T) => Observable<R>,
    handover: (first: R) => Observable<unknown>,
  ): OperatorFunction<T, R> =>
  (source) =>
    new RxObservable<R>((subscriber) => {
      /** Live inners, oldest first; the last one is the current. */
      const inners: Subscription[] = [];
      const retireOlderThan = (inner: Subscription) => {
        const index = inners.indexOf(inner);
        inners.splice(0, Math.max(index, 0)).forEach((older) => older.unsubscribe());
      };

      const outer = source.subscribe({
        next: (value) => {
          const inner = new Subscription();
          let handedOver = inners.length === 0;
          inners.push(inner);
          inner.add(
            project(value).subscribe({
              next: (result) => {
                if (!handedOver) {
                  handedOver = true;
                  // subscribed before `next`, which may signal the handover synchronously; kept until the
                  // inner ends (no rxjs `take` in every app): a second signal retires nothing more
                  inner.add(handover(result).subscribe(() => retireOlderThan(inner)));
                }
                subscriber.next(result);
              },
              error: (error: unknown) => subscriber.error(error),
            }),
          );
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });

      return () => {
        outer.unsubscribe();
        inners.splice(0).forEach((inner) => inner.unsubscribe());
      };
    });
