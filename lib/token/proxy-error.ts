import { TokenError } from '../errors/token-error';
import { isObject } from '../util/is-object';

/**
 * The machine-readable `error.code` of a token route's failure (`createJwtProxy` answers 502 with
 * `{ error: { type, code, message } }`), so a browser can tell "Market Prophit refused the server's
 * key" (nothing to retry) from "Market Prophit is down" (retry).
 * - `upstream_unauthorized`: upstream answered 401: the route's `apiKey` is wrong.
 * - `upstream_forbidden`: upstream answered 403: the key may not have tokens.
 * - `upstream_unavailable`: anything else (unreachable, 5xx, no token in the answer): retried.
 */
export type ProxyErrorCode = 'upstream_unauthorized' | 'upstream_forbidden' | 'upstream_unavailable';

/** The proxy's code for a TokenError from upstream (by its status and code only). */
export const proxyErrorCodeOf = (status: number | undefined): ProxyErrorCode =>
  status === 401 ? 'upstream_unauthorized' : status === 403 ? 'upstream_forbidden' : 'upstream_unavailable';

const MAX_MESSAGE = 300;

/** Reads `{ error: { code, message } }` without trusting it: strings only, bounded. */
const readProxyError = (body: string): { code: unknown; message: unknown } | undefined => {
  if (!body.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const error = isObject(parsed) ? parsed['error'] : undefined;
    return isObject(error) ? { code: error['code'], message: error['message'] } : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The `TokenError` for a failed answer of a token route: a proxy's `upstream_unauthorized` or
 * `upstream_forbidden` becomes a permanent `unauthorized` or `forbidden` (whatever the HTTP status)
 * carrying the proxy's message; everything else goes by the HTTP status.
 */
export const tokenErrorOf = (status: number, body: string): TokenError => {
  const proxy = readProxyError(body);
  if (proxy?.code === 'upstream_unauthorized' || proxy?.code === 'upstream_forbidden') {
    const message =
      typeof proxy.message === 'string' && proxy.message.trim() !== ''
        ? proxy.message.trim().slice(0, MAX_MESSAGE)
        : `The token route's Market Prophit API key was refused (HTTP ${status})`;
    return new TokenError(
      proxy.code === 'upstream_unauthorized' ? 'unauthorized' : 'forbidden',
      message,
      status,
    );
  }
  return TokenError.fromStatus(status, body);
};
