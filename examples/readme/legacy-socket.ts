import io from 'socket.io-client-v2';
import { createClient, proxyToken, type SocketFactory } from 'marketprophit-rx';

// forceNew: one connection per token (the token travels in the handshake query)
const legacySocket: SocketFactory = (url, { query }) =>
  io(url, { query: { ...query }, forceNew: true, transports: ['websocket'] });

export const client = createClient({ token: proxyToken('/jwt'), socket: legacySocket });
