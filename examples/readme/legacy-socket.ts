import io from 'socket.io-client-v2';
import { createClient, proxyToken, type SocketFactory } from 'marketprophit-rx';

// forceNew: one connection per token (the token travels in the handshake query).
// reconnection: false, as the client asks: it reconnects by itself, on its own backoff.
const legacySocket: SocketFactory = (url, { query, reconnection }) =>
  io(url, { query: { ...query }, forceNew: true, transports: ['websocket'], reconnection });

export const client = createClient({ token: proxyToken('/jwt'), socket: legacySocket });
