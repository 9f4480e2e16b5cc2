import type { SchedulerLike } from 'rxjs';
import type { SocketFactory } from '../connection/socket-like';
import type { RetryWait } from '../token/retry-wait';
import type { FetchLike, TokenSource } from '../token/token-source';

export interface ClientOptions {
  /**
   * Where the API lives: tokens come from `POST {url}/jwt` and the socket connects to `{url}`.
   * In development, the `url` of the local server (`marketprophit-rx serve`, or `startServer()`).
   * @default 'https://open.marketprophit.com'
   */
  readonly url?: string;
  /**
   * Your secret API key (`sk_live_…`), server side only. Tokens are fetched with it from `POST {url}/jwt`.
   * Give either `apiKey` or `token`, not both. Refused in browsers: use `token: proxyToken('/jwt')`.
   * @example createClient({ apiKey: process.env.MARKETPROPHIT_API_KEY })
   */
  readonly apiKey?: string;
  /**
   * Where tokens come from when you do not hold the key: `proxyToken('/jwt')` in browsers, or any
   * `() => Promise<string> | Observable<string> | string`. Called again for every refresh.
   * @example createClient({ token: proxyToken('/api/marketprophit-token') })
   */
  readonly token?: TokenSource;
  /**
   * How often to fetch a fresh token, in ms (upstream tokens live 5 hours). A token whose `exp` claim
   * comes sooner is refreshed a minute before it, and a token the server refuses is replaced at once.
   * @default 18_000_000 (5 hours)
   */
  readonly refreshEvery?: number;
  /**
   * How long the server has to answer a `subscribe` before the subscription errors with a
   * `SubscribeError` of code `ack_timeout`, in ms.
   * @default 10_000
   */
  readonly ackTimeout?: number;
  /**
   * How long the socket stays open after the last subscriber leaves, in ms, so that a quick
   * unsubscribe/subscribe (an Angular route change) does not reconnect.
   * @default 1_000
   */
  readonly linger?: number;
  /**
   * How many times in a row to retry a transient token failure (network, 408, 429, 5xx) or a refused
   * handshake before giving up with a `TokenError`. 401 and 403 are never retried.
   * @default Infinity
   */
  readonly retryAttempts?: number;
  /**
   * How long to wait before each retry (of a token fetch, or a reconnect after the server hung up).
   * @default exponentialBackoff() — 1 s, 2 s, 4 s … up to 60 s, with jitter
   */
  readonly retryWait?: RetryWait;
  /**
   * Runs every timer of the client (refresh, retries, ack timeouts, linger), so tests can use
   * `TestScheduler`.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
  /**
   * Opens the socket.io connection for a token. Pass socket.io-client 2's `io` for servers on
   * socket.io 1.x/2.x, or the fake from `marketprophit-rx/testing`.
   * @default (url, { query }) => io(url, { query, forceNew: true, transports: ['websocket'] })
   */
  readonly socket?: SocketFactory;
  /**
   * Where `history$` sends its requests. Browsers, which must not hold the key, point it at a route
   * of their own that forwards `/historical/*` with the key.
   * @default url
   */
  readonly historyUrl?: string;
  /**
   * The `fetch` used for tokens (and historical data).
   * @default the global `fetch` (cross-fetch where there is none)
   */
  readonly fetch?: FetchLike;
}
