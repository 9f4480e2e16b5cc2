import { defaultSocketFactory } from './default-socket-factory';
import type { SocketChoice, SocketIoVersion } from './socket-choice';

/**
 * The default socket in browsers (package.json `imports` `#default-socket`, every condition but
 * `node`): socket.io-client 4 only, so that bundles carry no second client. A socket.io 1.x/2.x server
 * fails with `protocol_mismatch` (docs/legacy-servers.md: browsers reach it through the relay, or with
 * socket.io-client 2 as the `socket` option).
 */
export const defaultSockets = (socketIo: SocketIoVersion): SocketChoice => {
  if (socketIo === 2) throw new TypeError('createClient: socketIo 2 needs Node');
  return { open: defaultSocketFactory };
};
