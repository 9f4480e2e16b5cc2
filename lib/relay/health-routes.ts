import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { UpstreamStatusPayload } from '../connection/upstream-status-event';
import type { RelayMetrics } from './metrics';

/** What `GET /readyz` answers: ready when upstream is not failing and, in a cluster, Redis is reachable. */
export interface Readiness {
  readonly ready: boolean;
  readonly upstream: { readonly ok: boolean; readonly reason?: string };
  /** `'none'` for a single node. */
  readonly redis: 'up' | 'down' | 'none';
}

export interface HealthRoutesDeps {
  readonly readiness: () => Readiness;
  /** Serves `GET /metrics` when given. */
  readonly metrics?: RelayMetrics;
}

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
};

/**
 * Puts `GET /healthz` (the process is up: always 200), `GET /readyz` (200 or 503 with the reasons) and,
 * with metrics, `GET /metrics` (Prometheus) in front of the server's other routes, which get every
 * other request as before.
 */
export const mountHealthRoutes = (http: HttpServer, deps: HealthRoutesDeps): void => {
  const others = http.listeners('request') as Listener[];
  const routes = new Map<string, Listener>([
    ['/healthz', (_request, response) => json(response, 200, { status: 'ok' })],
    [
      '/readyz',
      (_request, response) => {
        const readiness = deps.readiness();
        json(response, readiness.ready ? 200 : 503, readiness);
      },
    ],
  ]);
  const { metrics } = deps;
  if (metrics !== undefined) {
    routes.set('/metrics', (_request, response) => {
      metrics.render().then(
        ({ body, contentType }) => {
          response.writeHead(200, { 'content-type': contentType });
          response.end(body);
        },
        () => json(response, 500, { error: 'metrics unavailable' }),
      );
    });
  }
  http.removeAllListeners('request');
  http.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = request.url?.split('?', 1)[0];
    const route = request.method === 'GET' && path !== undefined ? routes.get(path) : undefined;
    if (route !== undefined) return route(request, response);
    for (const listener of others) listener.call(http, request, response);
  });
};

/** The readiness of a node from its upstream's word and its Redis connection (none for a single node). */
export const readiness = (
  upstream: UpstreamStatusPayload,
  redis: { readonly up: boolean } | undefined,
): Readiness => {
  const state = redis === undefined ? 'none' : redis.up ? 'up' : 'down';
  return {
    ready: upstream.ok && state !== 'down',
    upstream: upstream.ok ? { ok: true } : { ok: false, reason: upstream.message },
    redis: state,
  };
};
