import { createRequire } from 'node:module';
import type { SocketFactory, SocketLike } from '../../lib/connection/socket-like';

/** The part of socket.io-client 2's `io` used here. */
type LegacyIo = (
  url: string,
  options: {
    readonly query: Readonly<Record<string, string>>;
    readonly forceNew: boolean;
    readonly transports: readonly string[];
    readonly reconnection: boolean;
  },
) => SocketLike;

// Not `import`: TypeScript would then load @types/socket.io-client-v2 (1.4), whose ambient
// `declare module 'socket.io-client'` replaces socket.io-client 4's types for the whole program.
const io = createRequire(__filename)('socket.io-client-v2') as LegacyIo;

/**
 * socket.io-client 2 for servers on socket.io 1.x/2.x (EIO 3), the way docs/legacy-servers.md tells users to pass it.
 * `forceNew`: each token needs its own Manager, whose handshake query carries that token.
 */
export const legacySocket: SocketFactory = (url, { query, reconnection }) =>
  io(url, { query: { ...query }, forceNew: true, transports: ['websocket'], reconnection });
