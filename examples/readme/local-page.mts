// A browser page on the local server: the server, a token route in front of it, and the page's client.
// Type-checked here; examples/browser is the runnable version.
import { createServer } from 'node:http';
import { createClient, proxyToken } from 'marketprophit-rx';
import { createJwtProxy } from 'marketprophit-rx/node';
import { DEFAULT_API_KEY, startServer } from 'marketprophit-rx/server';

// snippet:start server
// dev-server.mts (Node): the local server is the API; the token route fetches its tokens with its test key
const local = await startServer({ port: 4000 });
const jwt = createJwtProxy({ apiKey: DEFAULT_API_KEY, url: local.url });
createServer((req, res) => {
  if (req.url === '/jwt') return void jwt(req, res);
  res.statusCode = 404; // …or your page and its bundle
  res.end();
}).listen(8080, '127.0.0.1');
// snippet:end server

// snippet:start page
// the page, served from http://127.0.0.1:8080: tokens from its own /jwt, the socket to the local server
const client = createClient({ url: 'http://127.0.0.1:4000', token: proxyToken('/jwt') });
client.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' }).subscribe(console.log);
// snippet:end page
