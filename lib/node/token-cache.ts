import { TokenError } from '../errors/token-error';
import type { LifecyclePolicy } from '../lifecycle/policy';
import { readJwtExpiry } from '../token/jwt-expiry';

export interface TokenCacheOptions {
  /** Fetches a fresh token upstream; `signal` aborts it when it takes longer than the policy allows. */
  readonly fetchToken: (signal: AbortSignal) => Promise<string>;
  /** When a token is due (`refreshIn`) and how long a fetch may take (`tokenTimeout`): the client's rules. */
  readonly policy: LifecyclePolicy;
  /** The clock, in ms since the epoch. */
  readonly now: () => number;
}

/** One token shared by every caller. */
export interface TokenCache {
  /** The cached token while it is fresh; otherwise the one fetch in flight, started if need be. */
  get(): Promise<string>;
}

/**
 * Fetches on demand and never on a timer, so an idle proxy costs nothing and holds no handle open.
 * A fetch is bounded by `tokenTimeout` (then aborted): a hung upstream fails its callers with a
 * `TokenError` of code `timeout` instead of holding every later caller. A failed fetch is not cached:
 * the callers waiting on it all get the failure, and the next call tries again.
 */
export const createTokenCache = ({ fetchToken, policy, now }: TokenCacheOptions): TokenCache => {
  let cached: { readonly token: string; readonly due: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const refresh = (): Promise<string> => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new TokenError('timeout', `No token from upstream within ${policy.tokenTimeout} ms`));
      }, policy.tokenTimeout);
      timer.unref?.();
    });
    // Started on a later tick so that even a synchronous throw takes the promise path below.
    const fetched = Promise.resolve()
      .then(() => fetchToken(controller.signal))
      .then((token) => {
        const fetchedAt = now();
        const due = fetchedAt + policy.refreshIn({ fetchedAt, expiresAt: readJwtExpiry(token) }, policy);
        cached = { token, due };
        return token;
      });
    const request = Promise.race([fetched, timedOut]);
    const settle = () => {
      clearTimeout(timer);
      if (inFlight === request) inFlight = undefined;
    };
    request.then(settle, settle);
    fetched.catch(() => undefined); // lost the race to the timeout: already reported
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
