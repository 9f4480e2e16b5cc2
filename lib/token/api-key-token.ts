import { isTokenError } from '../errors/token-error';
import { networkReason } from './network-reason';
import { requestToken } from './request-token';
import { basicAuthorization, trimTrailingSlashes, type FetchLike } from '../util/http';
import type { TokenRequestContext, TokenSource } from './token-source';

/**
 * Server side only: `POST {url}/jwt` with HTTP Basic auth, the secret key as user and an empty password.
 * Never use this in a browser; see {@link proxyToken}.
 */
export const apiKeyToken = (url: string, apiKey: string, fetch: FetchLike): TokenSource => {
  const authorization = basicAuthorization(apiKey);
  const route = `${trimTrailingSlashes(url)}/jwt`;
  return Object.assign(
    ({ signal }: TokenRequestContext) =>
      requestToken(fetch, route, { headers: { authorization }, signal }, networkReason).catch(
        (error: unknown) => {
          // A refused key is the caller's to fix: the 401's message says where it comes from.
          if (isTokenError(error) && error.status === 401) {
            error.message += ` (${route}: check \`apiKey\` (MARKETPROPHIT_API_KEY?))`;
          }
          throw error;
        },
      ),
    { url: route },
  );
};
