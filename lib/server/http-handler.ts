import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { sendError } from './http-reply';
import { handleTokenRequest, type TokenRouteDeps } from './token-route';

/** A route under `/historical/`; see `historical-route.ts`. */
export type HistoricalRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

export interface HttpHandlerDeps extends TokenRouteDeps {
  /** Serves `GET /historical/<name>`; undefined → those paths are 404 like any other. */
  readonly historical?: HistoricalRoute;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
} as const;

const methodNotAllowed = (response: ServerResponse, allow: string): void => {
  response.setHeader('Allow', allow);
  sendError(response, 405, 'invalid_request_error', 'Method not allowed');
};

/** The plain HTTP side of the server: CORS, `/jwt`, `/historical/*`, 404 for the rest. */
export const createHttpHandler =
  (deps: HttpHandlerDeps): RequestListener =>
  (request, response) => {
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const historical = deps.historical !== undefined && url.pathname.startsWith('/historical/');
    if (url.pathname !== '/jwt' && !historical) {
      request.resume();
      sendError(
        response,
        404,
        'invalid_request_error',
        `Unrecognized request URL (${method} ${url.pathname})`,
      );
      return;
    }
    if (method === 'OPTIONS') {
      request.resume();
      response.writeHead(204);
      response.end();
      return;
    }
    if (url.pathname === '/jwt') {
      if (method === 'POST') handleTokenRequest(request, response, deps);
      else {
        request.resume();
        methodNotAllowed(response, 'POST, OPTIONS');
      }
      return;
    }
    if (method !== 'GET' || deps.historical === undefined) {
      request.resume();
      methodNotAllowed(response, 'GET, OPTIONS');
      return;
    }
    deps.historical(request, response, url);
  };
