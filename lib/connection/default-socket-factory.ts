import { io } from 'socket.io-client';
import type { SocketFactory } from './socket-like';

/**
 * socket.io-client 4 over WebSocket only. `forceNew`, because each token needs its own connection
 * (socket.io would otherwise reuse one Manager, and its handshake query, per URL). socket.io's own
 * reconnection is off: the client reconnects on the lifecycle policy's backoff.
 */
export const defaultSocketFactory: SocketFactory = (url, options) =>
  io(url, {
    query: { ...options.query },
    forceNew: true,
    transports: ['websocket'],
    reconnection: options.reconnection,
  });
