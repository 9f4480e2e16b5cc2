import {
  DestroyRef,
  InjectionToken,
  NgZone,
  computed,
  PLATFORM_ID,
  inject,
  makeEnvironmentProviders,
  signal,
  type EnvironmentProviders,
  type Signal,
} from '@angular/core';
import type { ClientStatus, ConnectionProblem } from '../lifecycle/client-state';
import { createClient, type MarketProphitClient } from '../client/create-client';
import type { ClientOptions } from '../client/options';
import { proxyToken } from '../token/proxy-token';
import { inertClient } from './inert-client';
import { zonedClient } from './zoned-client';
import { streamProblem } from '../lifecycle/stream-problem';

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

/** What `injectLatest` tells the providers of its stream (one per `injectLatest` call). */
export interface StreamReport {
  /** The stream ended with `error`: the status shows it until the stream is subscribed again. */
  readonly failed: (error: unknown) => void;
  /** The stream is gone (its injector destroyed): its error leaves the status. */
  readonly gone: () => void;
}

/** What the providers hold: the app's one client and its status as a signal. */
export interface MarketProphitContext {
  readonly client: MarketProphitClient;
  /** The client's status; while it has no problem of its own, the latest error a stream ended with. */
  readonly status: Signal<ClientStatus>;
  /**
   * A stream of `key` (its path and params) subscribes: an error a stream of the same key ended with
   * leaves the status (it is subscribed again); the answer reports this stream's own end.
   */
  readonly follow: (key: string) => StreamReport;
}

export const MARKET_PROPHIT = new InjectionToken<MarketProphitContext>('marketprophit-rx');

/** One stream that ended with an error, shown in the status while it stays ended. */
interface EndedStream {
  readonly key: string;
  readonly owner: object;
  readonly problem: ConnectionProblem;
}

const createContext = (options: MarketProphitOptions): MarketProphitContext => {
  if (inject(PLATFORM_ID) === 'server') {
    // SSR: no token request, no socket; templates render the initial state, the browser goes live.
    const status = signal<ClientStatus>({ state: 'idle' });
    const silent: StreamReport = { failed: () => undefined, gone: () => undefined };
    return { client: inertClient(), status: status.asReadonly(), follow: () => silent };
  }
  const { tokenRoute = '/jwt', token = proxyToken(tokenRoute), ...rest } = options;
  const client = zonedClient(createClient({ ...rest, token }), inject(NgZone));
  /** The client's clock, which the problems it shows are stamped with. */
  const now = () => rest.scheduler?.now() ?? Date.now();
  const clientStatus = signal<ClientStatus>({ state: 'idle' });
  const watching = client.status$.subscribe((next) => clientStatus.set(next));
  // The environment injector's end (the app's, or a route's) ends the client: socket, timers, streams.
  inject(DestroyRef).onDestroy(() => {
    watching.unsubscribe();
    client.close();
  });

  const ended = signal<readonly EndedStream[]>([]);
  const forget = (drop: (stream: EndedStream) => boolean) => {
    if (ended().some(drop)) ended.update((streams) => streams.filter((stream) => !drop(stream)));
  };
  const follow = (key: string): StreamReport => {
    const owner = {};
    forget((stream) => stream.key === key);
    return {
      failed: (reason) => {
        const problem = streamProblem(reason, now());
        ended.update((streams) => [...streams, { key, owner, problem }]);
      },
      gone: () => forget((stream) => stream.owner === owner),
    };
  };
  const status = computed((): ClientStatus => {
    const current = clientStatus();
    const latest = ended().at(-1);
    return current.problem !== undefined || latest === undefined
      ? current
      : { state: current.state, problem: latest.problem };
  });
  return { client, status, follow };
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
