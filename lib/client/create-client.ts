import { type Observable, Observable as RxObservable, Subject, asyncScheduler } from 'rxjs';
import { createConnectionStream } from '../connection/connection-stream';
// package.json `imports`: every socket.io generation in Node, socket.io-client 4 alone in browsers.
import { defaultSockets } from '#default-socket';
// And the token source for `apiKey` (Node only: browsers never hold the secret key), the default fetch.
import { apiKeySource, defaultFetch } from '#platform';
import type { SocketLike } from '../connection/socket-like';
import { isCustomEndpoint, withGuardedResults, type CustomEndpoint } from '../endpoints/custom-endpoint';
import type { HistoricalPath } from '../endpoints/historical-specs';
import { realTimeEndpoints } from '../endpoints/real-time-endpoints';
import { isRealTimePath } from '../endpoints/real-time-specs';
import { snapshotParams } from '../endpoints/params-snapshot';
import type { DecodeError } from '../errors/decode-error';
import { SubscribeError } from '../errors/subscribe-error';
import type { DataEvent } from '../subscription/data-event';
import { createSubscriptionHub } from '../subscription/subscription-hub';
import { createTokenStream } from '../token/token-stream';
import type { TokenSource } from '../token/token-source';
import type { ClientState, ClientStatus, ConnectionProblem } from '../lifecycle/client-state';
import { createLifecycleRuntime } from '../lifecycle/lifecycle-runtime';
import { resolvePolicy } from '../lifecycle/policy';
import { DEFAULT_URL } from './default-url';
import { loadHistory } from './load-history';
import type { ClientOptions } from './options';
import type {
  HistoricalEndpoint,
  HistoryParams,
  HistoryResults,
  RealTimeEndpoint,
  SubscribeEvent,
  SubscribeParams,
} from './endpoint-arguments';
import type { SubscribeOptions } from './subscribe-options';

export interface MarketProphitClient {
  /**
   * A cold stream of one real-time endpoint's `data` events, `results` decoded and typed by the path.
   * The first subscriber of a (path, params) pair sends `subscribe` (again after every reconnect and
   * token refresh); the last to leave sends `unsubscribe`. Params are checked before anything is sent.
   * For an endpoint outside the catalogue, pass `customEndpoint(path, codec)`: its codecs type the params and results.
   * A subscriber that joins a (path, params) already streaming gets its latest event at once, then every
   * new one (`{ latest: false }` in the options after the params: only new ones; see {@link SubscribeOptions}).
   * @param params `{ ticker }` for one ticker; omit (or `{}`) for every ticker.
   * @example client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }) // results: { ts, ticker, volume }[]
   * @example client.subscribe$(customEndpoint('/real-time/new-metric', t.array(MyRecord)), { ticker: 'AAPL' })
   * A generic wrapper passes the same types on:
   * `<P extends RealTimePath>(path: P, ...params: SubscribeParams<P>): Observable<SubscribeEvent<P>>`.
   */
  subscribe$<E extends RealTimeEndpoint>(
    endpoint: E,
    ...params: SubscribeParams<E>
  ): Observable<SubscribeEvent<E>>;
  /**
   * Historical records over REST (`GET {url}/historical/…`), decoded by the path's codec. Cold: each
   * subscription sends one request; unsubscribing aborts it. Sends the API key (Basic auth) when the
   * client has one; browsers point `historyUrl` at a route of their own.
   * @example client.history$('/historical/daily-tweet-volume', { ticker: 'AAPL', start_date: '01-02-2026' })
   */
  history$<E extends HistoricalEndpoint>(
    endpoint: E,
    ...params: HistoryParams<E>
  ): Observable<HistoryResults<E>>;
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
  /**
   * Ends the client: every stream completes (the status last shows `idle`, or `failed`), the socket
   * closes now (linger or not), timers stop and a token request under way is aborted. Nothing
   * reconnects afterwards. A stream subscribed after `close()` completes at once, with no value.
   * Calling it again does nothing.
   */
  close(): void;
}

/** `token`, or (given an `apiKey`, or neither) what the platform makes of the options (`#platform`). */
const tokenSourceOf = (options: ClientOptions, url: string): TokenSource =>
  options.apiKey === undefined && options.token !== undefined ? options.token : apiKeySource(options, url);

/** The options that stand for a field of `policy`, under the same name. */
const SHORTHANDS = ['refreshEvery', 'retryAttempts', 'retryWait', 'ackTimeout', 'linger'] as const;

/** Creates a client. Nothing is fetched or opened until something subscribes. */
export const createClient = (options: ClientOptions): MarketProphitClient => {
  const {
    url = DEFAULT_URL,
    scheduler = asyncScheduler,
    socket,
    socketIo = 'auto',
    historyUrl = url,
  } = options;
  const source = tokenSourceOf(options, url);
  // The shorthands first (those given): a field of `policy` wins.
  const shorthands: Record<string, unknown> = {};
  for (const name of SHORTHANDS) if (options[name] !== undefined) shorthands[name] = options[name];
  const policy = resolvePolicy('createClient', { ...shorthands, ...options.policy });

  const sockets = socket === undefined ? defaultSockets(socketIo) : { open: socket };

  const lifecycle = createLifecycleRuntime(policy, scheduler);
  /** Completes on `close()`, and at once for a subscriber that comes after. */
  const closing = new Subject<never>();
  /**
   * `source`, completed when the client closes (at once for a subscriber that comes after). Both take
   * the subscriber itself, so its unsubscription ends both.
   */
  const untilClosed = <T>(source: Observable<T>): Observable<T> =>
    new RxObservable<T>((subscriber) => {
      closing.subscribe(subscriber);
      if (!subscriber.closed) source.subscribe(subscriber);
    });
  const unroutable = new Subject<DecodeError>();
  const ready = new Subject<SocketLike>();

  const token$ = createTokenStream({ source, policy, scheduler, lifecycle });
  const connection$ = createConnectionStream({
    url,
    token$,
    sockets,
    scheduler,
    policy,
    lifecycle,
    closing,
    ready,
  });

  const hub = createSubscriptionHub({
    connection$,
    scheduler,
    ackTimeout: policy.ackTimeout,
    rotationGrace: policy.rotationGrace,
    onUnroutable: (error) => unroutable.next(error),
    onReady: (socket) => ready.next(socket),
  });

  const subscribe$ = (
    endpoint: string | CustomEndpoint<unknown, unknown>,
    params: unknown = {},
    options?: SubscribeOptions,
  ): Observable<DataEvent<never, unknown>> =>
    untilClosed(
      // A plain Observable rather than rxjs's defer/throwError (which pull rxjs's `innerFrom` and its
      // async-iteration helpers into every app): a throw in here errors the stream all the same.
      new RxObservable<DataEvent<never, unknown>>((subscriber) => {
        const path = isCustomEndpoint(endpoint) ? endpoint.path : endpoint;
        const codecs = isCustomEndpoint(endpoint)
          ? withGuardedResults(endpoint)
          : isRealTimePath(endpoint)
            ? realTimeEndpoints[endpoint]
            : undefined;
        if (codecs === undefined) {
          const message = `${String(path)} is not a real-time path of the catalogue (describe others with customEndpoint)`;
          return subscriber.error(new SubscribeError('invalid_params', message, String(path), params));
        }
        const checked = snapshotParams(codecs.params, params);
        if (!checked.ok) {
          const report = checked.problem;
          return subscriber.error(
            new SubscribeError('invalid_params', `Invalid params for ${path}: ${report}`, path, params),
          );
        }
        return hub
          .stream<DataEvent<never, unknown>>(
            { path, params: checked.snapshot },
            codecs.results,
            options?.latest !== false,
          )
          .subscribe(subscriber);
      }),
    );

  // marketprophit-rx/history, loaded by name on first use (load-history.ts): never in a bundle.
  const history$ = (endpoint: HistoricalPath | CustomEndpoint<unknown, unknown>, params: unknown) =>
    untilClosed(
      new RxObservable<unknown>((subscriber) => {
        loadHistory(isCustomEndpoint(endpoint) ? endpoint.path : endpoint)
          .then(({ fetchHistory$ }) => {
            if (subscriber.closed) return;
            fetchHistory$({
              url: historyUrl,
              fetch: options.fetch ?? defaultFetch,
              apiKey: options.apiKey,
              path: endpoint as HistoricalPath,
              params: params as never,
            }).subscribe(subscriber);
          })
          .catch((error: unknown) => subscriber.error(error));
      }),
    );

  return {
    subscribe$: subscribe$ as MarketProphitClient['subscribe$'],
    history$: history$ as MarketProphitClient['history$'],
    state$: lifecycle.state$,
    status$: lifecycle.status$,
    problems$: lifecycle.problems$,
    token$: untilClosed(token$),
    connection$: untilClosed(connection$),
    unroutable$: unroutable.asObservable(),
    // The streams first (their sockets and timers go with them), then the status, which shows the end.
    close: () => {
      closing.complete();
      unroutable.complete();
      lifecycle.close();
    },
  };
};
