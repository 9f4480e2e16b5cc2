import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createJwtProxy } from 'marketprophit-rx/node';
import { DEFAULT_API_KEY, startServer } from 'marketprophit-rx/server';
import { BUNDLES, OUT_DIR, buildPage } from './build';
import { CONFIG_PATH, TOKEN_ROUTE, type PageConfig } from './page-config';

/** Options of {@link startExampleServer}. */
export interface ExampleServerOptions {
  /** The page's port; `0` picks a free one. @default 0 */
  readonly port?: number;
  /** How often the local Market Prophit server publishes, in ms. @default 500 */
  readonly interval?: number;
}

export interface ExampleServer {
  /** The page: open it in a browser. */
  readonly url: string;
  /** The local Market Prophit server the page's socket connects to. */
  readonly marketProphitUrl: string;
  close(): Promise<void>;
}

/** Only these files are served: no paths from the request reach the file system. */
const FILES: Readonly<Record<string, readonly [file: string, type: string]>> = {
  '/': [join(__dirname, 'index.html'), 'text/html; charset=utf-8'],
  [BUNDLES.library]: [join(OUT_DIR, 'marketprophit-rx.mjs'), 'text/javascript'],
  [BUNDLES.rxjs]: [join(OUT_DIR, 'rxjs.mjs'), 'text/javascript'],
  [BUNDLES.page]: [join(OUT_DIR, 'main.js'), 'text/javascript'],
};

const send = (response: ServerResponse, status: number, type: string, body: string | Buffer): void => {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
};

/**
 * Bundles the page, starts a local Market Prophit server, and serves the page, its bundles,
 * `GET /config.json` (the Market Prophit url) and `POST /jwt` (tokens, fetched with the secret key,
 * which never leaves this process).
 */
export const startExampleServer = async ({
  port = 0,
  interval = 500,
}: ExampleServerOptions = {}): Promise<ExampleServer> => {
  await buildPage();
  const marketProphit = await startServer({ interval });
  const tokenRoute = createJwtProxy({
    apiKey: process.env['MARKETPROPHIT_API_KEY'] ?? DEFAULT_API_KEY,
    url: marketProphit.url,
  });
  const config: PageConfig = { url: marketProphit.url };

  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === TOKEN_ROUTE) return void tokenRoute(request, response);
    if (path === CONFIG_PATH) return send(response, 200, 'application/json', JSON.stringify(config));
    const file = FILES[path];
    if (file === undefined || request.method !== 'GET') return send(response, 404, 'text/plain', 'Not found');
    readFile(file[0]).then(
      (body) => send(response, 200, file[1], body),
      () => send(response, 500, 'text/plain', 'Could not read the file'),
    );
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const { port: actualPort } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${actualPort}/`,
    marketProphitUrl: marketProphit.url,
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await marketProphit.close();
    },
  };
};
