import crossFetch from 'cross-fetch';
import {
  type Observable,
  BehaviorSubject,
  Subject,
  asyncScheduler,
  defer,
  distinctUntilChanged,
  of,
  switchMap,
  throwError,
  timer,
} from 'rxjs';
import { createConnectionStream } from '../connection/connection-stream';
import { defaultSocketFactory } from '../connection/default-socket-factory';
import type { SocketLike } from '../connection/socket-like';
import { resultsCodecFor } from '../endpoints/lookup';
import type { DecodeError } from '../errors/decode-error';
import { SubscribeError } from '../errors/subscribe-error';
import type { DataEvent } from '../subscription/data-event';
import { createSubscriptionHub } from '../subscription/subscription-hub';
import { apiKeyToken } from '../token/api-key-token';
import { exponentialBackoff } from '../token/retry-wait';
import { createTokenStream } from '../token/token-stream';
import type { TokenSource } from '../token/token-source';
import type { ClientState } from './client-state';
import { DEFAULT_URL } from './default-url';
import type { ClientOptions } from './options';

export interface MarketProphitClient {
  /**
   * A cold stream of one endpoint's `data` events. The first subscriber of a (path, params) pair sends
   * `subscribe` (again after every reconnect and token refresh); the last to leave sends `unsubscribe`.
   */
  subscribe$<Results = unknown>(
    path: string,
    params: Readonly<Record<string, unknown>>,
  ): Observable<DataEvent<Readonly<Record<string, unknown>>, Results>>;
  /** The connection's state, for UIs. Emits the current state on subscribe. */
  readonly state$: Observable<ClientState>;
  /** The current token and every refresh. Subscribing to it fetches tokens; it never opens a socket. */
  readonly token$: Observable<string>;
  /** The socket each time it connects (again). Subscribing keeps the connection open. */
  readonly connection$: Observable<SocketLike>;
  /** `data` payloads that could not be routed to any subscription (no valid `path` or `params`). */
  readonly unroutable$: Observable<DecodeError>;
}

const tokenSourceOf = (options: ClientOptions, url: string): TokenSource => {
  const { apiKey, token } = options;
  if (apiKey !== undefined && token !== undefined) {
    throw new TypeError('createClient: give either `apiKey` or `token`, not both');
  }
  if (token !== undefined) return token;
  if (apiKey === undefined || apiKey === '') {
    throw new TypeError(
      'createClient: needs `apiKey` (server side) or `token` (e.g. proxyToken("/jwt") in browsers)',
    );
  }
  if (typeof document !== 'undefined') {
    throw new TypeError(
      'createClient: `apiKey` must not reach a browser. Serve tokens from your server (createJwtProxy) and use `token: proxyToken(route)`',
    );
  }
  return apiKeyToken(url, apiKey, options.fetch ?? crossFetch);
};

const positive = (name: string, value: number): number => {
  if (!(value > 0))
    throw new RangeError(`createClient: \`${name}\` must be a positive number of ms, got ${value}`);
  return value;
};

/** Creates a client. Nothing is fetched or opened until something subscribes. */
export const createClient = (options: ClientOptions): MarketProphitClient => {
  const {
    url = DEFAULT_URL,
    refreshEvery = 5 * 60 * 60 * 1000,
    ackTimeout = 10_000,
    linger = 1_000,
    retryAttempts = Infinity,
    retryWait = exponentialBackoff(),
    scheduler = asyncScheduler,
    socket = defaultSocketFactory,
  } = options;
  const source = tokenSourceOf(options, url);
  positive('refreshEvery', refreshEvery);
  positive('ackTimeout', ackTimeout);

  const state = new BehaviorSubject<ClientState>('idle');
  const rejected = new Subject<number>();
  const unroutable = new Subject<DecodeError>();

  const token$ = createTokenStream({
    source,
    refreshEvery,
    // The first refusal refreshes at once; refusals in a row back off, so a server that refuses every
    // token cannot drive a tight fetch loop.
    refresh$: rejected.pipe(
      switchMap((inARow) => (inARow <= 1 ? of(0) : timer(retryWait(inARow - 1), scheduler))),
    ),
    scheduler,
    retryAttempts,
    retryWait,
    onFetch: () => state.next('authenticating'),
  });

  const connection$ = createConnectionStream({
    url,
    token$,
    socketFactory: socket,
    scheduler,
    linger,
    retryAttempts,
    retryWait,
    onTokenRejected: (inARow) => rejected.next(inARow),
    onPhase: (phase) => {
      if (phase !== 'idle' || state.value !== 'failed') state.next(phase);
    },
  });

  const hub = createSubscriptionHub({
    connection$,
    scheduler,
    ackTimeout,
    onUnroutable: (error) => unroutable.next(error),
  });

  return {
    subscribe$: <Results>(path: string, params: Readonly<Record<string, unknown>>) =>
      defer(() => {
        const results = resultsCodecFor(path);
        if (results === undefined) {
          return throwError(() => new SubscribeError('invalid_params', `Unknown path ${path}`, path, params));
        }
        return hub.stream<DataEvent<Readonly<Record<string, unknown>>, Results>>({ path, params }, results);
      }),
    state$: state.pipe(distinctUntilChanged()),
    token$,
    connection$,
    unroutable$: unroutable.asObservable(),
  };
};
