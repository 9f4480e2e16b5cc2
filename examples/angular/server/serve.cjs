// @ts-check
// Serves the built app (`npm run build` first) with what it needs around it: a local Market Prophit
// server, POST /jwt (tokens fetched with the secret key, which stays in this process) and
// GET /config.json (where the socket should connect). Run: npm run serve  (PORT picks the app's port,
// MARKETPROPHIT_PORT the local Market Prophit server's: 4200 and 4201 by default).
// CommonJS because marketprophit-rx's ESM build cannot load in Node yet (`fp-ts/lib/Either` has no
// extension); bundlers, like the Angular CLI, are fine with it.
const { readdir, readFile } = require('node:fs/promises');
const { createServer } = require('node:http');
const { extname, join, relative, sep } = require('node:path');
const { createJwtProxy } = require('marketprophit-rx/node');
const { DEFAULT_API_KEY, startServer } = require('marketprophit-rx/server');

const APP_DIR = join(__dirname, '..', 'dist', 'sentiment', 'browser');
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

const main = async () => {
  const files = await listFiles();
  // A fixed port: after a restart the page's socket finds the server where it was, without a reload.
  const marketProphit = await startServer({
    interval: 500,
    port: Number(process.env.MARKETPROPHIT_PORT ?? 4201),
  });
  const tokenRoute = createJwtProxy({
    apiKey: process.env.MARKETPROPHIT_API_KEY ?? DEFAULT_API_KEY,
    url: marketProphit.url,
  });
  const config = JSON.stringify({ url: marketProphit.url });

  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/jwt') return void tokenRoute(request, response);
    if (path === '/config.json') return send(response, 200, 'application/json', config);
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    // Other paths are the app's own (this one has no router, but an app with one needs the fallback).
    const file = files.get(path) ?? files.get('/index.html');
    if (file === undefined) return send(response, 404, 'text/plain', 'Not found');
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
