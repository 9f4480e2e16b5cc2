import type { ClientOptions, CommonClientOptions } from '../../lib/client/options';
import { DEFAULT_API_KEY } from '../../lib/server';

/**
 * A test client's options: `defaults`, then the test's own `options`, with the local server's test
 * key unless the test brings a `token` (the options type allows one or the other, never both).
 */
export const clientOptions = (
  defaults: CommonClientOptions,
  options: Partial<ClientOptions> = {},
): ClientOptions => {
  const { token, apiKey = DEFAULT_API_KEY, ...rest } = options;
  return token === undefined ? { ...defaults, ...rest, apiKey } : { ...defaults, ...rest, token };
};
