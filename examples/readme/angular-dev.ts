// /jwt for an Angular app in development (`ng serve`) and in its SSR server. Type-checked here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createJwtProxy } from 'marketprophit-rx/node';

// snippet:start proxy-conf
// proxy.conf.mjs next to angular.json, which names it: "serve": { "options": { "proxyConfig": "proxy.conf.mjs" } }.
// `ng serve` forwards the page's POST /jwt to your token route (createJwtProxy, see node.md; here on port 3000).
export default {
  '/jwt': { target: 'http://127.0.0.1:3000', secure: false },
};
// snippet:end proxy-conf

/** The part of an Express app (`server.ts` of `ng add @angular/ssr`) the recipe uses. */
declare const app: {
  post(path: string, handler: (request: IncomingMessage, response: ServerResponse) => void): void;
};
const apiKey = process.env.MARKETPROPHIT_API_KEY;
if (apiKey === undefined) throw new Error('Set MARKETPROPHIT_API_KEY');

// snippet:start ssr
// server.ts (Angular SSR, Express): the token route, before the handler that renders the app
const jwt = createJwtProxy({ apiKey });
app.post('/jwt', (request, response) => void jwt(request, response));
// snippet:end ssr
