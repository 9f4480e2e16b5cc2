import type { TokenSource } from '../token/token-source';
import type { FetchLike } from '../util/http';

/**
 * The global `fetch`, looked up at each call (browsers, Deno, Bun and workers all have one): the
 * browser build (package.json `imports` `#platform`, every condition but `node`) carries no cross-fetch
 * fallback. Self-contained: it imports nothing that holds code.
 */
export const defaultFetch: FetchLike = (input, init) =>
  typeof globalThis.fetch === 'function'
    ? globalThis.fetch(input, init)
    : Promise.reject(new TypeError('No global fetch here: pass `fetch`'));

/** Why a request got no answer: a browser's fetch says only `Failed to fetch` (or its own words), no cause. */
export const networkReason = (cause: unknown): string =>
  cause instanceof Error ? cause.message : String(cause);

/**
 * Browsers never hold the secret key: the browser build has no `apiKey` token source, and says what
 * to use instead (the Node build fetches tokens with the key). Reached with an `apiKey` (with a `token`
 * too), or with neither.
 */
export const apiKeySource = (): TokenSource => {
  throw new TypeError(
    'createClient: browsers take `token: proxyToken(route)`, never `apiKey`: serve tokens from your server (createJwtProxy)',
  );
};
