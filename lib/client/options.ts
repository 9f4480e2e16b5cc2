import type { SchedulerLike } from 'rxjs';
import type { SocketIoVersion } from '../connection/socket-choice';
import type { SocketFactory } from '../connection/socket-like';
import type { PolicyOverrides, RetryWait } from '../lifecycle/policy';
import type { TokenSource } from '../token/token-source';
import type { FetchLike } from '../util/http';

/**
 * `createClient`'s options: `apiKey` (server side) or `token` (anywhere), never both and never neither.
 * `apiKey` may be `undefined` at compile time (as `process.env.X` is); `createClient` throws then.
 */
export type ClientOptions = ClientOptionsWithApiKey | ClientOptionsWithToken;

/** Options of a client that fetches its own tokens with the secret key. */
export interface ClientOptionsWithApiKey extends CommonClientOptions {
  /**
   * Your secret API key (`sk_live_…`), server side only. Tokens are fetched with it from `POST {url}/jwt`.
   * Give either `apiKey` or `token`, not both. Refused in browsers: use `token: proxyToken('/jwt')`.
   * @example createClient({ apiKey: process.env.MARKETPROPHIT_API_KEY })
   */
  readonly apiKey: string | undefined;
  readonly token?: undefined;
}

/** Options of a client that gets its tokens from elsewhere (a proxy route, a test). */
export interface ClientOptionsWithToken extends CommonClientOptions {
  readonly apiKey?: undefined;
  /**
   * Where tokens come from when you do not hold the key: `proxyToken('/jwt')` in browsers, or any
   * `() => Promise<string> | Observable<string> | string`. Called again for every refresh.
   * @example createClient({ token: proxyToken('/api/marketprophit-token') })
   */
  readonly token: TokenSource;
}

/** The options both kinds of client take. */
export interface CommonClientOptions {
  /**
   * Where the API lives: tokens come from `POST {url}/jwt` and the socket connects to `{url}`.
   * In development, the `url` of the local server (`marketprophit-rx serve`, or `startServer()`).
   * @default 'https://open.marketprophit.com'
   */
  readonly url?: string;
  /**
   * Shorthand for `policy.refreshEvery`: the longest a token is used, in ms. A token whose `exp` comes
   * sooner is refreshed a minute before it, and a token the server refuses is replaced at once.
   * @default 18_000_000 (5 hours)
   */
  readonly refreshEvery?: number;
  /**
   * Shorthand for `policy.ackTimeout`: how long the server has to answer a `subscribe` before the
   * subscription errors with a `SubscribeError` of code `ack_timeout`, in ms.
   * @default 10_000
   */
  readonly ackTimeout?: number;
  /**
   * Shorthand for `policy.linger`: how long the socket stays open after the last subscriber leaves,
   * in ms, so that a quick unsubscribe/subscribe (an Angular route change) does not reconnect.
   * @default 1_000
   */
  readonly linger?: number;
  /** Shorthand for `policy.retryAttempts`: failures in a row retried before giving up. @default Infinity */
  readonly retryAttempts?: number;
  /** Shorthand for `policy.retryWait`: the wait before each try after a failure. @default exponentialBackoff() */
  readonly retryWait?: RetryWait;
  /**
   * Refresh, backoff, timeouts and what is worth retrying: any part of `LifecyclePolicy` (the
   * `transient` table row by row), the rest from `defaultPolicy`. The same policy object serves
   * `createJwtProxy`.
   * @example createClient({ url, apiKey, policy: { tokenTimeout: 5_000, connectTimeout: 5_000 } })
   */
  readonly policy?: PolicyOverrides;
  /**
   * Runs every timer of the client (refresh, retries, ack timeouts, linger), so tests can use
   * `TestScheduler`.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
  /**
   * Which socket.io generation the default socket speaks. `'auto'`: in Node, socket.io-client 4
   * first, and a server on socket.io 1.x/2.x (Engine.IO 3) is recognised by its refusal and reached
   * with the built-in Engine.IO 3 client (remembered per URL for the life of the process, told once on
   * `problems$`); in browsers, socket.io-client 4 only. `2`: the Engine.IO 3 client only (Node only).
   * `4`: socket.io-client 4 only. A server that does not speak the version set fails with
   * `ConnectionError` `protocol_mismatch`. Ignored when `socket` is given.
   * @default 'auto'
   */
  readonly socketIo?: SocketIoVersion;
  /**
   * Opens the socket.io connection for a token, instead of the default socket (see `socketIo`): the
   * fake from `marketprophit-rx/testing`, or socket.io-client 2's `io` in a browser.
   * @default socket.io-client 4's `io(url, { query, forceNew: true, transports: ['websocket'] })`; in Node, the Engine.IO 3 client for socket.io 1.x/2.x servers
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
