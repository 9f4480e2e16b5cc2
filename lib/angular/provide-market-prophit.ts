import {
  DestroyRef,
  InjectionToken,
  NgZone,
  PLATFORM_ID,
  inject,
  makeEnvironmentProviders,
  signal,
  type EnvironmentProviders,
  type Signal,
} from '@angular/core';
import type { ClientStatus } from '../lifecycle/client-state';
import { createClient, type MarketProphitClient } from '../client/create-client';
import type { ClientOptions } from '../client/options';
import { proxyToken } from '../token/proxy-token';
import { inertClient } from './inert-client';
import { zonedClient } from './zoned-client';
import { toError } from '../util/describe-reason';

/**
 * The client's options, for a browser app: tokens come from your route (`tokenRoute`, `'/jwt'` by
 * default: `createJwtProxy` from `marketprophit-rx/node` on your server) unless you pass `token`.
 * The secret key is not among them.
 */
export interface MarketProphitOptions extends Omit<ClientOptions, 'apiKey' | 'token'> {
  /** Your route that answers `POST` with `{ token }`. Ignored when `token` is given. @default '/jwt' */
  readonly tokenRoute?: string;
  /** Any token source instead of `proxyToken(tokenRoute)`. */
  readonly token?: ClientOptions['token'];
}

/** What the providers hold: the app's one client and its status as a signal. */
export interface MarketProphitContext {
  readonly client: MarketProphitClient;
  readonly status: Signal<ClientStatus>;
  /** Reports a stream's error into `status` (a permanent failure ends every stream with it). */
  readonly report: (error: unknown) => void;
}

export const MARKET_PROPHIT = new InjectionToken<MarketProphitContext>('marketprophit-rx');

const createContext = (options: MarketProphitOptions): MarketProphitContext => {
  if (inject(PLATFORM_ID) === 'server') {
    // SSR: no token request, no socket; templates render the initial state, the browser goes live.
    const status = signal<ClientStatus>({ state: 'idle' });
    return { client: inertClient(), status: status.asReadonly(), report: () => undefined };
  }
  const { tokenRoute = '/jwt', token = proxyToken(tokenRoute), ...rest } = options;
  const client = zonedClient(createClient({ ...rest, token }), inject(NgZone));
  const status = signal<ClientStatus>({ state: 'idle' });
  let failure: Error | undefined;
  const watching = client.status$.subscribe((next) => {
    if (next.state !== 'failed') failure = undefined;
    // Until the client reports the reason itself, a failure carries the error the streams ended with.
    const problem =
      next.problem ??
      (next.state === 'failed' && failure !== undefined
        ? { kind: 'token' as const, message: failure.message, error: failure, attempt: 1, at: Date.now() }
        : undefined);
    status.set(problem === undefined ? { state: next.state } : { state: next.state, problem });
  });
  // The environment injector's end (the app's, or a route's) ends the client: socket, timers, streams.
  inject(DestroyRef).onDestroy(() => {
    watching.unsubscribe();
    client.close();
  });
  const report = (error: unknown) => {
    failure = toError(error);
    const current = status();
    if (current.state === 'failed' && current.problem === undefined) {
      status.set({
        state: 'failed',
        problem: { kind: 'token', message: failure.message, error: failure, attempt: 1, at: Date.now() },
      });
    }
  };
  return { client, status: status.asReadonly(), report };
};

/**
 * Provides the app's Market Prophit client. In the browser it is created on first use and runs its
 * socket and timers outside Angular's zone (values are delivered inside; zoneless apps need nothing).
 * On the server platform (SSR) it fetches no token and opens no socket: streams stay silent and the
 * status `idle`, so a server render shows the initial state and the browser takes over after hydration.
 * @param options the client's options, or a function returning them (called in an injection
 * context, so it may `inject()` configuration).
 * @example bootstrapApplication(App, { providers: [provideZonelessChangeDetection(), provideMarketProphit({ url })] })
 */
export const provideMarketProphit = (
  options: MarketProphitOptions | (() => MarketProphitOptions) = {},
): EnvironmentProviders =>
  makeEnvironmentProviders([
    {
      provide: MARKET_PROPHIT,
      useFactory: () => createContext(typeof options === 'function' ? options() : options),
    },
  ]);

/** The app's client (`provideMarketProphit`), in an injection context. Its streams are zone-aware. */
export const injectMarketProphit = (): MarketProphitClient => inject(MARKET_PROPHIT).client;
