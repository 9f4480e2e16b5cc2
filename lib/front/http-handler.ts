import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { describeReason } from '../util/describe-reason';
import { type CorsOrigins, corsHeaders } from './cors';
import { sendError } from '../util/http-reply';
import { handleTokenRequest, type TokenRouteDeps } from './token-route';

/** A route under `/historical/`; see `historical-route.ts`. */
export type HistoricalRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

export interface HttpHandlerDeps extends TokenRouteDeps {
  /** Serves `GET /historical/<name>`; undefined → those paths are 404 like any other. */
  readonly historical?: HistoricalRoute;
  /** Largest request body, in bytes (`FrontLimits.maxBodyBytes`). */
  readonly maxBodyBytes: number;
  /** Which web origins may read the answers (CORS). */
  readonly origins: CorsOrigins;
}

const methodNotAllowed = (response: ServerResponse, allow: string): void => {
  response.setHeader('Allow', allow);
  sendError(response, 405, 'invalid_request_error', 'Method not allowed');
};

/** The request-target as a URL, or undefined when it is not one (`//[`, say). */
const parseTarget = (target: string | undefined): URL | undefined => {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
};

/**
 * No route reads a body: each is drained (so keep-alive connections stay usable) up to `maxBytes`;
 * a bigger declared body is a 413, and one that grows past the limit closes the connection.
 * Returns false when the request was answered here.
 */
const drainBody = (request: IncomingMessage, response: ServerResponse, maxBytes: number): boolean => {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    response.setHeader('Connection', 'close');
    sendError(response, 413, 'invalid_request_error', `Request body larger than ${maxBytes} bytes`);
    request.destroy();
    return false;
  }
  let received = 0;
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes) request.destroy();
  });
  request.on('error', () => undefined);
  return true;
};

const route = (deps: HttpHandlerDeps, request: IncomingMessage, response: ServerResponse): void => {
  const origin = request.headers.origin;
  for (const [name, value] of Object.entries(corsHeaders(deps.origins, origin)))
    response.setHeader(name, value);
  const method = request.method ?? 'GET';
  const url = parseTarget(request.url);
  if (url === undefined) {
    request.resume();
    sendError(response, 400, 'invalid_request_error', 'Malformed request-target');
    return;
  }
  if (!drainBody(request, response, deps.maxBodyBytes)) return;
  const historical = deps.historical !== undefined && url.pathname.startsWith('/historical/');
  if (url.pathname !== '/jwt' && !historical) {
    sendError(
      response,
      404,
      'invalid_request_error',
      `Unrecognized request URL (${method} ${url.pathname.slice(0, 200)})`,
    );
    return;
  }
  if (method === 'OPTIONS') {
    response.writeHead(204);
    response.end();
    return;
  }
  if (url.pathname === '/jwt') {
    if (method === 'POST') handleTokenRequest(request, response, deps);
    else methodNotAllowed(response, 'POST, OPTIONS');
    return;
  }
  if (method !== 'GET' || deps.historical === undefined) {
    methodNotAllowed(response, 'GET, OPTIONS');
    return;
  }
  deps.historical(request, response, url);
};

/**
 * The plain HTTP side of the front: CORS, `/jwt`, `/historical/*`, 404 for the rest. Malformed requests
 * are answered 400, never thrown: a route that throws anyway is a 500 for that request only.
 */
export const createHttpHandler =
  (deps: HttpHandlerDeps): RequestListener =>
  (request, response) => {
    try {
      route(deps, request, response);
    } catch (error) {
      if (!response.headersSent) {
        sendError(response, 500, 'api_error', `Internal error: ${describeReason(error)}`);
      } else response.destroy();
    }
  };
