import type { IncomingMessage } from 'node:http';
import { DEFAULT_URL } from '../client/default-url';
import { type LifecyclePolicy, resolvePolicy } from '../lifecycle/policy';
import { defaultFetch } from '../util/default-fetch';
import type { FetchLike } from '../util/http';

/** Options of {@link createJwtProxy}. */
export interface JwtProxyOptions {
  /**
   * Your secret API key (`sk_live_…`). It stays on the server: the proxy sends it upstream only, and
   * never puts it in a response, a header or an error message.
   * @example createJwtProxy({ apiKey: process.env.MARKETPROPHIT_API_KEY })
   */
  readonly apiKey: string;
  /**
   * Where tokens come from: `POST {url}/jwt`. In development, the `url` of the local server.
   * @default 'https://open.marketprophit.com'
   */
  readonly url?: string;
  /**
   * Decides who may have a token, e.g. from a session cookie; `false` answers 403. A throw goes to
   * `next(error)` when the framework gave one (Express, Connect), and answers 500 otherwise.
   * Without it, anyone who can reach the route gets a token: mount it behind your own auth.
   * @default () => true
   * @example authorize: (req) => sessions.has(readSessionCookie(req))
   */
  readonly authorize?: (request: IncomingMessage) => boolean | Promise<boolean>;
  /**
   * The longest one token is served, in ms; a token whose `exp` comes sooner is refreshed a minute
   * before it. Every caller shares the one cached token, and callers during a fetch share that fetch.
   * @default 18_000_000 (5 hours)
   */
  readonly refreshEvery?: number;
  /**
   * The client's lifecycle policy, in part or whole: `refreshIn` decides when the cached token is due
   * and `tokenTimeout` bounds each upstream request (a hung upstream answers 502 after it, and the next
   * caller tries again).
   * @default defaultPolicy (tokens at most 5 h, a minute before `exp`; 10 s per request)
   */
  readonly policy?: Partial<LifecyclePolicy>;
  /**
   * Called with each upstream failure (a `TokenError` as a rule), for your logs. It may carry
   * upstream's own error text; the caller of the route only sees a 502 with the status.
   */
  readonly onUpstreamError?: (error: unknown) => void;
  /**
   * The `fetch` used for upstream requests.
   * @default the global `fetch` (cross-fetch where there is none)
   */
  readonly fetch?: FetchLike;
  /**
   * The clock deciding when the cached token is due, in ms since the epoch (tests move it).
   * @default Date.now
   */
  readonly now?: () => number;
}

/** {@link JwtProxyOptions} with every default applied and every option checked. */
export interface ResolvedJwtProxyOptions {
  readonly apiKey: string;
  readonly url: string;
  readonly authorize: (request: IncomingMessage) => boolean | Promise<boolean>;
  /** `policy` over the default policy, `refreshEvery` included. */
  readonly policy: LifecyclePolicy;
  readonly onUpstreamError: ((error: unknown) => void) | undefined;
  readonly fetch: FetchLike;
  readonly now: () => number;
}

const OWNER = 'createJwtProxy';

/**
 * `createJwtProxy`'s one options resolver: the defaults and every check, at creation (a wrong option
 * throws there, never on a request); the numbers of the policy are checked by `resolvePolicy`. No
 * message echoes the key.
 */
export const resolveJwtProxyOptions = (options: JwtProxyOptions): ResolvedJwtProxyOptions => {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${OWNER}: needs options, at least { apiKey }`);
  }
  const {
    apiKey,
    url = DEFAULT_URL,
    authorize = () => true,
    refreshEvery,
    fetch = defaultFetch,
    now = Date.now,
    onUpstreamError,
  } = options;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new TypeError(
      `${OWNER}: \`apiKey\` must be your secret Market Prophit API key (a non-empty string)`,
    );
  }
  if (typeof url !== 'string' || !URL.canParse(url)) {
    throw new TypeError(`${OWNER}: \`url\` must be an absolute URL, got ${String(url)}`);
  }
  for (const [name, value] of Object.entries({ authorize, fetch, now, onUpstreamError })) {
    if (value !== undefined && typeof value !== 'function') {
      throw new TypeError(`${OWNER}: \`${name}\` must be a function`);
    }
  }
  const policy = resolvePolicy(OWNER, {
    ...(refreshEvery === undefined ? {} : { refreshEvery }),
    ...options.policy,
  });
  return { apiKey, url, authorize, policy, onUpstreamError, fetch, now };
};
