import { requestToken } from './request-token';
import { trimTrailingSlashes } from '../util/trim-trailing-slashes';
import type { FetchLike, TokenSource } from './token-source';

/**
 * Server side only: `POST {url}/jwt` with HTTP Basic auth, the secret key as user and an empty password.
 * Never use this in a browser; see {@link proxyToken}.
 */
export const apiKeyToken = (url: string, apiKey: string, fetch: FetchLike): TokenSource => {
  const authorization = `Basic ${btoa(`${apiKey}:`)}`;
  return ({ signal }) =>
    requestToken(fetch, `${trimTrailingSlashes(url)}/jwt`, { headers: { authorization }, signal });
};
