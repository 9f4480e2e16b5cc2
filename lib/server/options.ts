import { randomBytes, randomInt } from 'node:crypto';
import { type FrontLimits, resolveLimits, type ResolvedLimits } from '../front/limits';
import { positiveNumber, wholeNumber } from '../util/positive-number';
import { tcpPort } from '../util/tcp-port';
import { canonicalPath } from '../endpoints/paths';

/** What one API key may use. */
export interface ApiKeyEntitlements {
  /**
   * The streaming paths the key may subscribe to (`/real-time/<name>` or bare `<name>`).
   * @default every path
   */
  readonly paths?: readonly string[];
}

/** How the server answers `subscribe`/`unsubscribe`: normally, never, or after a delay in ms. */
export type AckMode = 'normal' | 'withhold' | { readonly delay: number };

/** Options of {@link startServer}. Every one is optional; the limits are documented on {@link FrontLimits}. */
export interface ServerOptions extends FrontLimits {
  /**
   * TCP port; `0` picks a free one (read it back from `LocalServer.port`).
   * @default 0
   */
  readonly port?: number;
  /**
   * Interface to listen on.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * The API keys `POST /jwt` accepts (HTTP Basic user, empty password). A list allows every path for
   * every key; a record gives each key its entitlements, e.g.
   * `{ sk_test_a: {}, sk_test_b: { paths: ['/real-time/tweet-buzz'] } }`.
   * @default ['sk_test_marketprophit']
   */
  readonly apiKeys?: readonly string[] | Readonly<Record<string, ApiKeyEntitlements>>;
  /**
   * How long an issued token is valid, in ms (upstream: 5 hours).
   * @default 18_000_000
   */
  readonly tokenTtl?: number;
  /**
   * How often every live subscription receives a `data` event, in ms. Upstream publishes every second
   * or minute; the default is fast so demos look alive.
   * @default 250
   */
  readonly interval?: number;
  /**
   * Seed of the generated data: the same seed gives the same values, tick after tick.
   * @default a random seed (see `LocalServer.seed`)
   */
  readonly seed?: number;
  /**
   * HMAC secret tokens are signed with. Give the same one to a restarted server to keep the tokens it
   * issued before valid.
   * @default random, per server
   */
  readonly secret?: string;
  /**
   * The tickers served when a subscription names none (`params: {}`).
   * @default ['AAPL', 'TSLA', 'MSFT', 'AMZN', '6E_F']
   */
  readonly tickers?: readonly string[];
  /**
   * The most recent log entries kept in `LocalServer.log` (older ones are dropped).
   * @default 1000
   */
  readonly logLimit?: number;
  /**
   * The clock for token `iat`/`exp` and expiry checks, in ms since the epoch (a test can move it).
   * @default Date.now
   */
  readonly clock?: () => number;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  /** Key → the paths it may use (canonical `/real-time/<name>`), `undefined` for all. */
  readonly apiKeys: ReadonlyMap<string, readonly string[] | undefined>;
  readonly tokenTtl: number;
  readonly interval: number;
  readonly seed: number;
  readonly secret: string;
  readonly tickers: readonly string[];
  readonly logLimit: number;
  readonly clock: () => number;
  readonly limits: ResolvedLimits;
}

export const DEFAULT_API_KEY = 'sk_test_marketprophit';
export const DEFAULT_TICKERS: readonly string[] = ['AAPL', 'TSLA', 'MSFT', 'AMZN', '6E_F'];
const FIVE_HOURS = 5 * 60 * 60 * 1000;

const resolveKeys = (apiKeys: ServerOptions['apiKeys']): Map<string, readonly string[] | undefined> => {
  const keys = new Map<string, readonly string[] | undefined>();
  if (apiKeys === undefined) keys.set(DEFAULT_API_KEY, undefined);
  else if (isKeyList(apiKeys)) for (const key of apiKeys) keys.set(key, undefined);
  else
    for (const [key, entitlements] of Object.entries(apiKeys))
      keys.set(key, entitlements.paths?.map(canonicalPath));
  return keys;
};

const isKeyList = (apiKeys: NonNullable<ServerOptions['apiKeys']>): apiKeys is readonly string[] =>
  Array.isArray(apiKeys);

const OWNER = 'startServer';

const check = (ok: boolean, name: string, what: string, value: unknown): void => {
  if (!ok) throw new RangeError(`${OWNER}: ${name} must be ${what}, got ${String(value)}`);
};

/**
 * `startServer`'s one options resolver: the defaults and every check, before anything listens. The
 * limits are checked by `resolveLimits`, the rule the relay shares.
 */
export const resolveOptions = (options: ServerOptions = {}): ResolvedOptions => {
  const {
    port = 0,
    host = '127.0.0.1',
    apiKeys,
    tokenTtl = FIVE_HOURS,
    interval = 250,
    seed = randomInt(0, 2 ** 31),
    secret = randomBytes(32).toString('base64url'),
    tickers = DEFAULT_TICKERS,
    logLimit = 1000,
    clock = Date.now,
  } = options;
  check(typeof host === 'string' && host !== '', 'host', 'an interface name or address', host);
  check(Number.isSafeInteger(seed), 'seed', 'an integer', seed);
  check(typeof secret === 'string' && secret !== '', 'secret', 'a non-empty string', typeof secret);
  check(
    Array.isArray(tickers) && tickers.length > 0 && tickers.every((ticker) => typeof ticker === 'string'),
    'tickers',
    'a non-empty list of tickers',
    tickers,
  );
  check(typeof clock === 'function', 'clock', 'a function', typeof clock);
  return {
    port: tcpPort(`${OWNER}: port`, port),
    host,
    apiKeys: resolveKeys(apiKeys),
    tokenTtl: positiveNumber(`${OWNER}: tokenTtl`, tokenTtl),
    interval: positiveNumber(`${OWNER}: interval`, interval),
    seed,
    secret,
    tickers,
    logLimit: wholeNumber(`${OWNER}: logLimit`, logLimit),
    clock,
    limits: resolveLimits(options),
  };
};
