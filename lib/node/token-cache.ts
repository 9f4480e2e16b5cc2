import { readJwtExpiry } from '../token/jwt-expiry';

export interface TokenCacheOptions {
  /** Fetches a fresh token upstream. */
  readonly fetchToken: () => Promise<string>;
  /** The longest a token is served, in ms. */
  readonly refreshEvery: number;
  /** The clock, in ms since the epoch. */
  readonly now: () => number;
}

/** One token shared by every caller. */
export interface TokenCache {
  /** The cached token while it is fresh; otherwise the one fetch in flight, started if need be. */
  get(): Promise<string>;
}

/** A token whose `exp` comes before `refreshEvery` is refreshed this long before it (as the client does). */
const EXPIRY_MARGIN = 60_000;
const MIN_LIFETIME = 1_000;

/**
 * Fetches on demand and never on a timer, so an idle proxy costs nothing and holds no handle open.
 * A failed fetch is not cached: the callers waiting on it all get the failure, and the next call tries again.
 */
export const createTokenCache = ({ fetchToken, refreshEvery, now }: TokenCacheOptions): TokenCache => {
  let cached: { readonly token: string; readonly due: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const dueTime = (token: string, fetchedAt: number): number => {
    const expiry = readJwtExpiry(token);
    const lifetime =
      expiry === undefined ? refreshEvery : Math.max(expiry - fetchedAt - EXPIRY_MARGIN, MIN_LIFETIME);
    return fetchedAt + Math.min(lifetime, refreshEvery);
  };

  const refresh = (): Promise<string> => {
    // Started on a later tick so that even a synchronous throw takes the promise path below.
    const request = Promise.resolve()
      .then(fetchToken)
      .then((token) => {
        cached = { token, due: dueTime(token, now()) };
        return token;
      });
    const settle = () => {
      if (inFlight === request) inFlight = undefined;
    };
    request.then(settle, settle);
    return request;
  };

  return {
    get: () => {
      if (cached !== undefined && now() < cached.due) return Promise.resolve(cached.token);
      inFlight ??= refresh();
      return inFlight;
    },
  };
};
