import { DestroyRef, assertInInjectionContext, inject, signal, type Signal } from '@angular/core';
import type { ClientStatus } from '../lifecycle/client-state';
import { isCustomEndpoint, type CustomEndpoint } from '../endpoints/custom-endpoint';
import type { SubscribeEvent } from '../client/endpoint-arguments';
import { subscriptionKey } from '../subscription/canonical-key';
import type { ParamsOf } from '../endpoints/real-time-endpoints';
import type { RealTimePath } from '../endpoints/real-time-specs';
import type { DataEvent } from '../subscription/data-event';
import type { Observable } from 'rxjs';
import { MARKET_PROPHIT } from './provide-market-prophit';

type AnyEvent = DataEvent<unknown, unknown>;

/**
 * The latest `data` event of one real-time endpoint as a signal (`undefined` until the first), for
 * templates; its `path` is the literal path. Subscribes now and unsubscribes when the injection context
 * (component, service, environment injector) is destroyed. A stream that ends with an error keeps its
 * last value and puts the error into {@link injectConnectionStatus} (a `problem` of kind
 * `subscription`, shown while the stream stays ended: until the injector is destroyed, or the same path
 * and params are subscribed again), so a template never throws.
 * @example readonly aapl = injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' });
 */
export function injectLatest<P extends RealTimePath>(
  path: P,
  params?: ParamsOf<P>,
): Signal<SubscribeEvent<P> | undefined>;
export function injectLatest<Results, Params>(
  endpoint: CustomEndpoint<Results, Params>,
  params: Params,
): Signal<DataEvent<Params, Results> | undefined>;
export function injectLatest(
  path: RealTimePath | CustomEndpoint<unknown, unknown>,
  params?: unknown,
): Signal<AnyEvent | undefined> {
  assertInInjectionContext(injectLatest);
  const { client, follow } = inject(MARKET_PROPHIT);
  const latest = signal<AnyEvent | undefined>(undefined);
  const subscribe$ = client.subscribe$ as (path: unknown, params?: unknown) => Observable<AnyEvent>;
  const report = follow(subscriptionKey(isCustomEndpoint(path) ? path.path : path, params ?? {}));
  const subscription = subscribe$(path, params).subscribe({
    next: (event) => latest.set(event),
    error: report.failed,
  });
  inject(DestroyRef).onDestroy(() => {
    subscription.unsubscribe();
    report.gone();
  });
  return latest.asReadonly();
}

/**
 * The connection's state with its reason, as a signal: `{ state: 'connected' }`, or `reconnecting` /
 * `failed` with the `problem` behind it, for a status line ("Live", "Reconnecting…", "Offline: …").
 * While the client has no problem of its own, the latest error an {@link injectLatest} stream ended
 * with shows as a problem of kind `subscription` (the state stays the client's). `idle` on the server platform.
 */
export const injectConnectionStatus = (): Signal<ClientStatus> => {
  assertInInjectionContext(injectConnectionStatus);
  return inject(MARKET_PROPHIT).status;
};
