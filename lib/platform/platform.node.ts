import type { ClientOptions } from '../client/options';
import { apiKeyToken } from '../token/api-key-token';
import type { TokenSource } from '../token/token-source';
import { defaultFetch } from '../util/default-fetch';

export { defaultFetch };
export { networkReason } from '../token/network-reason';

/**
 * `createClient`'s token source for `apiKey` in Node (package.json `imports` `#platform`, the `node`
 * condition): `POST {url}/jwt` with the secret key. Both `apiKey` and `token` are refused; a missing
 * or empty key names the value it had (`apiKey: process.env.X` of an unset variable); a page
 * (`document` exists) is refused, as the browser build refuses every `apiKey`.
 */
export const apiKeySource = (options: ClientOptions, url: string): TokenSource => {
  const { apiKey } = options;
  if (apiKey !== undefined && options.token !== undefined) {
    throw new TypeError('createClient: give either `apiKey` or `token`, not both');
  }
  if (apiKey === undefined || apiKey === '') {
    const given =
      'apiKey' in options
        ? ` (\`apiKey\` is ${JSON.stringify(apiKey) ?? 'undefined'}: is MARKETPROPHIT_API_KEY set?)`
        : '';
    throw new TypeError(
      `createClient: needs \`apiKey\` (server side) or \`token\` (e.g. proxyToken("/jwt") in browsers)${given}`,
    );
  }
  if (typeof document !== 'undefined') {
    throw new TypeError(
      'createClient: `apiKey` must not reach a browser. Serve tokens from your server (createJwtProxy) and use `token: proxyToken(route)`',
    );
  }
  return apiKeyToken(url, apiKey, options.fetch ?? defaultFetch);
};
