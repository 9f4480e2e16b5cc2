// @ts-check
// Serves the built app (`npm run build` first) with what it needs around it: a local Market Prophit
// server, POST /jwt (tokens fetched with the secret key, which stays in this process) and
// GET /config.json (where the socket should connect). Run: npm run serve  (PORT picks the app's port,
// MARKETPROPHIT_PORT the local Market Prophit server's: 4200 and 4201 by default; MARKETPROPHIT_PATHS,
// comma-separated, restricts the test key to those paths, so the server refuses the others' subscribe).
// CommonJS because marketprophit-rx's ESM build cannot load in Node yet (`fp-ts/lib/Either` has no
// extension); bundlers, like the Angular CLI, are fine with it.
const { readdir, readFile } = require('node:fs/promises');
const { createServer } = require('node:http');
const { extname, join, relative, sep } = require('node:path');
const { pathToFileURL } = require('node:url');
const { createJwtProxy } = require('marketprophit-rx/node');
const { DEFAULT_API_KEY, startServer } = require('marketprophit-rx/server');

const APP_DIR = join(__dirname, '..', 'dist', 'sentiment', 'browser');
const RENDER = join(__dirname, '..', 'dist', 'sentiment', 'server', 'render.mjs');
const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain',
});

/** The built files by url path, so that nothing from a request reaches the file system. */
const listFiles = async () => {
  const entries = await readdir(APP_DIR, { recursive: true, withFileTypes: true }).catch(() => {
    throw new Error(`No built app in ${APP_DIR}: run \`npm run build\` in examples/angular first`);
  });
  return new Map(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = join(entry.parentPath, entry.name);
        return [`/${relative(APP_DIR, file).split(sep).join('/')}`, file];
      }),
  );
};

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} type
 * @param {string | Buffer} body
 */
const send = (response, status, type, body) => {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
};

/** The server render (server/build-ssr.mjs): `render(url, indexHtml)` → the page's HTML. */
const loadRender = async () => {
  const { render } = await import(pathToFileURL(RENDER).href);
  return /** @type {(url: string, document: string) => Promise<string>} */ (render);
};

const main = async () => {
  const files = await listFiles();
  const render = await loadRender();
  const indexHtml = await readFile(join(APP_DIR, 'index.html'), 'utf8');
  // What the page asked of the token route, for the e2e suite (GET /stats.json): a server render asks nothing.
  let tokenRouteRequests = 0;
  // A fixed port: after a restart the page's socket finds the server where it was, without a reload.
  const paths = process.env.MARKETPROPHIT_PATHS?.split(',');
  const marketProphit = await startServer({
    interval: 500,
    port: Number(process.env.MARKETPROPHIT_PORT ?? 4201),
    ...(paths === undefined ? {} : { apiKeys: { [DEFAULT_API_KEY]: { paths } } }),
  });
  const tokenRoute = createJwtProxy({
    apiKey: process.env.MARKETPROPHIT_API_KEY ?? DEFAULT_API_KEY,
    url: marketProphit.url,
  });
  const config = JSON.stringify({ url: marketProphit.url });

  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/jwt') {
      tokenRouteRequests += 1;
      return void tokenRoute(request, response);
    }
    if (path === '/stats.json') {
      const { sockets, tokenRequests } = marketProphit.stats();
      const stats = { tokenRouteRequests, marketProphit: { sockets, tokenRequests } };
      return send(response, 200, 'application/json', JSON.stringify(stats));
    }
    if (path === '/config.json') return send(response, 200, 'application/json', config);
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    // Other paths are the app's own (this one has no router, but an app with one needs the fallback):
    // rendered on the server, with the widget's initial state; the browser hydrates it and goes live.
    const file = path === '/' || path === '/index.html' ? undefined : files.get(path);
    if (file === undefined) {
      render(request.url ?? '/', indexHtml).then(
        (html) => send(response, 200, TYPES['.html'] ?? 'text/html', html),
        (error) => {
          console.error(error);
          send(response, 500, 'text/plain', 'Could not render the page');
        },
      );
      return;
    }
    readFile(file).then(
      (body) => send(response, 200, TYPES[extname(file)] ?? 'application/octet-stream', body),
      () => send(response, 500, 'text/plain', 'Could not read the file'),
    );
  });

  http.listen(Number(process.env.PORT ?? 4200), '127.0.0.1', () => {
    const address = http.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    console.log(`angular example listening on http://127.0.0.1:${port}/`);
  });

  const stop = () => {
    http.closeAllConnections();
    http.close();
    void marketProphit.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
