import type { NgZone } from '@angular/core';
import { Observable, type MonoTypeOperatorFunction } from 'rxjs';

/**
 * Delivers each notification inside Angular's zone, so change detection runs once per delivered value
 * and not for the socket's and timers' own work, which stays outside.
 */
export const enterZone =
  <T>(zone: NgZone): MonoTypeOperatorFunction<T> =>
  (source) =>
    new Observable<T>((subscriber) =>
      source.subscribe({
        next: (value) => zone.run(() => subscriber.next(value)),
        error: (error: unknown) => zone.run(() => subscriber.error(error)),
        complete: () => zone.run(() => subscriber.complete()),
      }),
    );
