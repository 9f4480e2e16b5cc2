import type { IncomingMessage, ServerResponse } from 'node:http';
import { firstValueFrom, isObservable } from 'rxjs';
import { isTokenError } from '../errors/token-error';
import { apiKeyToken } from '../token/api-key-token';
import { proxyErrorCodeOf } from '../token/proxy-error';
import type { TokenSource } from '../token/token-source';
import { sendError, sendJson } from '../util/http-reply';
import { type JwtProxyOptions, resolveJwtProxyOptions } from './jwt-proxy-options';
import { createTokenCache } from './token-cache';
import { describeUpstreamFailure } from './upstream-failure';

/** Express's and Connect's `next`. */
export type NextFunction = (error?: unknown) => void;

/** A route handler for `node:http`, Express and Connect alike. It always answers (or calls `next(error)`). */
export type JwtProxyHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: NextFunction,
) => Promise<void>;

const ALLOW = 'POST, OPTIONS';

const fromSource =
  (source: TokenSource) =>
  async (signal: AbortSignal): Promise<string> => {
    const value = source({ signal });
    return isObservable(value) ? firstValueFrom(value) : value;
  };

/**
 * The route that hands browsers a Market Prophit token while the secret key stays on the server:
 * `POST` → `200 { token }` (`Cache-Control: no-store`). Every caller shares one cached token, fetched
 * upstream (`POST {url}/jwt` with the key) when it is due, so a thousand browsers cost one upstream
 * request per refresh. Upstream failures answer 502 with the upstream status, never the key, and a
 * machine-readable `error.code` (`upstream_unauthorized`, `upstream_forbidden`, `upstream_unavailable`)
 * that `proxyToken` reads: a refused key ends the browser's streams with a `TokenError` instead of a
 * retry loop.
 *
 * Other methods: `OPTIONS` → 204, the rest → 405, both with `Allow: POST, OPTIONS`. CORS headers are
 * the app's to add (serve the route from the page's own origin and none are needed).
 *
 * @example
 * // node:http
 * const tokenRoute = createJwtProxy({ apiKey: process.env.MARKETPROPHIT_API_KEY!, authorize: isSignedIn });
 * http.createServer((req, res) => (req.url === '/jwt' ? tokenRoute(req, res) : app(req, res)));
 *
 * // Express / Connect
 * app.use('/jwt', createJwtProxy({ apiKey: process.env.MARKETPROPHIT_API_KEY! }));
 *
 * // the browser
 * createClient({ token: proxyToken('/jwt') });
 */
export const createJwtProxy = (options: JwtProxyOptions): JwtProxyHandler => {
  const { apiKey, url, authorize, policy, onUpstreamError, fetch, now } = resolveJwtProxyOptions(options);
  const cache = createTokenCache({ fetchToken: fromSource(apiKeyToken(url, apiKey, fetch)), policy, now });

  return async (request, response, next) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { Allow: ALLOW, 'Cache-Control': 'no-store' });
      response.end();
      return;
    }
    if (request.method !== 'POST') {
      const message = `${String(request.method)} is not allowed here: POST to get a token`;
      sendError(response, 405, 'invalid_request_error', message, { Allow: ALLOW });
      return;
    }
    // The body is not used; drain it so a keep-alive connection stays usable.
    request.resume();

    let allowed: boolean;
    try {
      allowed = (await authorize(request)) === true;
    } catch (error) {
      if (next !== undefined) next(error);
      else sendError(response, 500, 'api_error', 'Could not decide whether this request may have a token');
      return;
    }
    if (!allowed) {
      sendError(response, 403, 'invalid_request_error', 'Not allowed to get a Market Prophit token');
      return;
    }

    let token: string;
    try {
      token = await cache.get();
    } catch (error) {
      const status = isTokenError(error) ? error.status : undefined;
      sendError(response, 502, 'api_error', describeUpstreamFailure(error), {}, proxyErrorCodeOf(status));
      onUpstreamError?.(error);
      return;
    }
    sendJson(response, 200, { token });
  };
};
