import { isLeft } from '../endpoints/is-left';
import {
  type Observable,
  BehaviorSubject,
  Subject,
  asyncScheduler,
  defer,
  distinctUntilChanged,
  map,
  NEVER,
  filter,
  merge,
  of,
  switchMap,
  throwError,
  timer,
} from 'rxjs';
import { createConnectionStream } from '../connection/connection-stream';
import { defaultSocketFactory } from '../connection/default-socket-factory';
import type { SocketLike } from '../connection/socket-like';
import { isCustomEndpoint, type CustomEndpoint } from '../endpoints/custom-endpoint';
import type { HistoricalParamsOf, HistoricalRecordOf } from '../endpoints/historical-endpoints';
import type { HistoricalPath } from '../endpoints/historical-specs';
import { realTimeEndpoints, type ParamsOf, type ResultsOf } from '../endpoints/real-time-endpoints';
import { isRealTimePath, type RealTimePath } from '../endpoints/real-time-specs';
import { formatValidationErrors } from '../endpoints/report';
import type { DecodeError } from '../errors/decode-error';
import { SubscribeError } from '../errors/subscribe-error';
import type { DataEvent } from '../subscription/data-event';
import { createSubscriptionHub } from '../subscription/subscription-hub';
import { apiKeyToken } from '../token/api-key-token';
import { exponentialBackoff } from '../token/retry-wait';
import { createTokenStream } from '../token/token-stream';
import type { TokenSource } from '../token/token-source';
import type { ClientState, ClientStatus, ConnectionProblem } from './client-state';
import { DEFAULT_URL } from './default-url';
import { loadHistory } from './load-history';
import type { ClientOptions } from './options';
import { defaultFetch } from '../util/default-fetch';

export interface MarketProphitClient {
  /**
   * A cold stream of one real-time endpoint's `data` events, `results` decoded and typed by the path.
   * The first subscriber of a (path, params) pair sends `subscribe` (again after every reconnect and
   * token refresh); the last to leave sends `unsubscribe`. Params are checked before anything is sent.
   * @param params `{ ticker }` for one ticker; omit (or `{}`) for every ticker.
   * @example client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }) // results: { ts, ticker, volume }[]
   */
  subscribe$<P extends RealTimePath>(
    path: P,
    params?: ParamsOf<P>,
  ): Observable<DataEvent<ParamsOf<P>, ResultsOf<P>>>;
  /**
   * The same for an endpoint outside the catalogue, described with its own codecs.
   * @example client.subscribe$(customEndpoint('/real-time/new-metric', t.array(MyRecord)), { ticker: 'AAPL' })
   */
  subscribe$<Results, Params>(
    endpoint: CustomEndpoint<Results, Params>,
    params: Params,
  ): Observable<DataEvent<Params, Results>>;
  /**
   * Historical records over REST (`GET {url}/historical/…`), decoded by the path's codec. Cold: each
   * subscription sends one request; unsubscribing aborts it. Sends the API key (Basic auth) when the
   * client has one; browsers point `historyUrl` at a route of their own.
   * @example client.history$('/historical/daily-tweet-volume', { ticker: 'AAPL', start_date: '01-02-2026' })
   */
  history$<P extends HistoricalPath>(
    path: P,
    params: HistoricalParamsOf<P>,
  ): Observable<HistoricalRecordOf<P>[]>;
  history$<Results, Params>(endpoint: CustomEndpoint<Results, Params>, params: Params): Observable<Results>;
  /** The connection's state, for UIs. Emits the current state on subscribe. */
  readonly state$: Observable<ClientState>;
  /**
   * The state with the reason the client is not connected (the latest problem while it retries, or
   * the error it gave up on). Emits the current status on subscribe. Subscribing opens nothing.
   */
  readonly status$: Observable<ClientStatus>;
  /** Every failure the client retries or gives up on, as it happens: for logs. Subscribing opens nothing. */
  readonly problems$: Observable<ConnectionProblem>;
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
  return apiKeyToken(url, apiKey, options.fetch ?? defaultFetch);
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
    historyUrl = url,
  } = options;
  const source = tokenSourceOf(options, url);
  positive('refreshEvery', refreshEvery);
  positive('ackTimeout', ackTimeout);

  const state = new BehaviorSubject<ClientState>('idle');
  const rejected = new Subject<number>();
  const unroutable = new Subject<DecodeError>();
  const ready = new Subject<SocketLike>();

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
    // A scheduled refresh while connected is no news for a UI: the socket is replaced make-before-break.
    onFetch: () => {
      if (state.value !== 'connected') state.next('authenticating');
    },
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
    // The old socket closes when the new one has its subscriptions, or after ackTimeout at the latest.
    handover: (next) => merge(ready.pipe(filter((socket) => socket === next)), timer(ackTimeout, scheduler)),
    onPhase: (phase) => {
      if (phase !== 'idle' || state.value !== 'failed') state.next(phase);
    },
  });

  const hub = createSubscriptionHub({
    connection$,
    scheduler,
    ackTimeout,
    onUnroutable: (error) => unroutable.next(error),
    onReady: (socket) => ready.next(socket),
  });

  const subscribe$ = (
    endpoint: string | CustomEndpoint<unknown, unknown>,
    params: unknown = {},
  ): Observable<DataEvent<never, unknown>> =>
    defer(() => {
      const path = isCustomEndpoint(endpoint) ? endpoint.path : endpoint;
      const codecs = isCustomEndpoint(endpoint)
        ? endpoint
        : isRealTimePath(endpoint)
          ? realTimeEndpoints[endpoint]
          : undefined;
      if (codecs === undefined) {
        const message = `${String(path)} is not a real-time path of the catalogue (describe others with customEndpoint)`;
        return throwError(() => new SubscribeError('invalid_params', message, String(path), params));
      }
      const checked = codecs.params.decode(params);
      if (isLeft(checked)) {
        const report = formatValidationErrors(checked.left).join('; ');
        return throwError(
          () => new SubscribeError('invalid_params', `Invalid params for ${path}: ${report}`, path, params),
        );
      }
      return hub.stream<DataEvent<never, unknown>>(
        { path, params: params as Readonly<Record<string, unknown>> },
        codecs.results,
      );
    });

  // marketprophit-rx/history, loaded by name on first use (load-history.ts): never in a bundle.
  const history$ = (endpoint: HistoricalPath | CustomEndpoint<unknown, unknown>, params: unknown) =>
    defer(() => loadHistory(isCustomEndpoint(endpoint) ? endpoint.path : endpoint)).pipe(
      switchMap(({ fetchHistory$ }) =>
        fetchHistory$({
          url: historyUrl,
          fetch: options.fetch ?? defaultFetch,
          apiKey: options.apiKey,
          path: endpoint as HistoricalPath,
          params: params as never,
        }),
      ),
    );

  return {
    subscribe$: subscribe$ as MarketProphitClient['subscribe$'],
    history$: history$ as MarketProphitClient['history$'],
    state$: state.pipe(distinctUntilChanged()),
    status$: state.pipe(
      distinctUntilChanged(),
      map((value): ClientStatus => ({ state: value })),
    ),
    problems$: NEVER,
    token$,
    connection$,
    unroutable$: unroutable.asObservable(),
  };
};
