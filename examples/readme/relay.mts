// docs/relay.md: a relay node. An ES module (top-level await). Type-checked, not run.
import type { IncomingMessage } from 'node:http';

declare const isSignedIn: (request: IncomingMessage) => boolean;

// snippet:start relay
import { startRelay } from 'marketprophit-rx/relay';

const relay = await startRelay({
  upstream: { apiKey: process.env.MARKETPROPHIT_API_KEY }, // createClient's options: url, token, …
  port: 8080,
  host: '0.0.0.0',
  secret: process.env.RELAY_SECRET, // signs the relay's tokens; every node of a cluster shares it
  authorize: (request) => isSignedIn(request), // who may POST /jwt (default: loopback callers only)
  redis: 'redis://redis:6379', // optional: join a cluster of relays
});
relay.stats(); // { sockets, topics, upstreamSubscriptions, subscriptions } of this node
await relay.close();
// snippet:end relay
