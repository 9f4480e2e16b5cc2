import { createClient, proxyToken } from 'marketprophit-rx';
import { startRelay } from 'marketprophit-rx/relay';

// Server side, in Node: the relay reaches the 1.x server by itself, and the key stays here.
export const relay = await startRelay({
  upstream: { apiKey: process.env.MARKETPROPHIT_API_KEY },
  port: 8080,
});

// In the page: socket.io-client 4 to the relay, tokens from the relay's own route.
export const client = createClient({ url: relay.url, token: proxyToken(`${relay.url}/jwt`) });
