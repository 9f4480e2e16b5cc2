import type { NgZone } from '@angular/core';
import { Observable } from 'rxjs';
import type { MarketProphitClient } from '../client/create-client';
import type {
  HistoricalEndpoint,
  HistoryParams,
  RealTimeEndpoint,
  SubscribeParams,
} from '../client/endpoint-arguments';

/**
 * Subscribes outside Angular's zone, so the socket's and timers' callbacks are registered there and
 * never trigger change detection, and delivers every notification inside it. In a zoneless app
 * `NgZone` is a no-op and this costs two function calls.
 */
export const inZone =
  (zone: NgZone) =>
  <T>(source: Observable<T>): Observable<T> =>
    new Observable<T>((subscriber) =>
      zone.runOutsideAngular(() =>
        source.subscribe({
          next: (value) => zone.run(() => subscriber.next(value)),
          error: (error: unknown) => zone.run(() => subscriber.error(error)),
          complete: () => zone.run(() => subscriber.complete()),
        }),
      ),
    );

/** The client with every stream run through {@link inZone}. */
export const zonedClient = (client: MarketProphitClient, zone: NgZone): MarketProphitClient => {
  const zoned = inZone(zone);
  return {
    subscribe$: <E extends RealTimeEndpoint>(endpoint: E, ...params: SubscribeParams<E>) =>
      zoned(client.subscribe$(endpoint, ...params)),
    history$: <E extends HistoricalEndpoint>(endpoint: E, ...params: HistoryParams<E>) =>
      zoned(client.history$(endpoint, ...params)),
    state$: zoned(client.state$),
    status$: zoned(client.status$),
    problems$: zoned(client.problems$),
    token$: zoned(client.token$),
    connection$: zoned(client.connection$),
    unroutable$: zoned(client.unroutable$),
    close: () => client.close(),
  };
};
