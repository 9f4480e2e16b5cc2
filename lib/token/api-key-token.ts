import { requestToken } from './request-token';
import { basicAuthorization, trimTrailingSlashes, type FetchLike } from '../util/http';
import type { TokenSource } from './token-source';

/**
 * Server side only: `POST {url}/jwt` with HTTP Basic auth, the secret key as user and an empty password.
 * Never use this in a browser; see {@link proxyToken}.
 */
export const apiKeyToken = (url: string, apiKey: string, fetch: FetchLike): TokenSource => {
  const authorization = basicAuthorization(apiKey);
  return ({ signal }) =>
    requestToken(fetch, `${trimTrailingSlashes(url)}/jwt`, { headers: { authorization }, signal });
};
