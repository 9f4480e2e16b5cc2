import { defaultFetch, networkReason } from '#platform';
import { requestToken } from './request-token';
import type { FetchLike } from '../util/http';
import type { TokenRequestContext, TokenSource } from './token-source';

/**
 * Browsers: get tokens from your own route (e.g. `createJwtProxy` from `marketprophit-rx/node`), which
 * holds the secret key and answers `POST` with `{ token }`. Cookies go along (`credentials: 'same-origin'`)
 * so the route can decide who may have a token.
 *
 * @example createClient({ token: proxyToken('/jwt') })
 */
export const proxyToken = (
  routeUrl: string,
  init: RequestInit = {},
  fetch: FetchLike = defaultFetch,
): TokenSource =>
  Object.assign(
    ({ signal }: TokenRequestContext) =>
      requestToken(fetch, routeUrl, { credentials: 'same-origin', signal, ...init }, networkReason),
    { url: routeUrl },
  );
