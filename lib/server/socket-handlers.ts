import type { AckPolicy } from './ack-policy';
import type { ServerLog } from './server-log';
import type { ServerSocket } from './socket-types';
import type { SubscriptionRegistry } from './subscription-registry';
import { parseRequest, parseSubscription } from './subscription-request';
import type { TokenAuthority } from './token-authority';

export interface SocketHandlerDeps {
  readonly authority: TokenAuthority;
  readonly registry: SubscriptionRegistry;
  readonly acks: AckPolicy;
  readonly log: ServerLog;
}

/** `emit('subscribe', callback)` without options puts the callback first; put it back where it belongs. */
const splitArgs = (options: unknown, callback: unknown): [unknown, unknown] =>
  typeof options === 'function' && callback === undefined ? [undefined, options] : [options, callback];

/** Wires one connected socket: `subscribe`, `unsubscribe`, `disconnect`. */
export const attachSocketHandlers = (socket: ServerSocket, deps: SocketHandlerDeps): void => {
  const { authority, registry, acks, log } = deps;
  const { keyId, token } = socket.data;
  log.add({ type: 'connect', socketId: socket.id, keyId, token });

  socket.on('subscribe', (...args: unknown[]) => {
    const [options, callback] = splitArgs(args[0], args[1]);
    const parsed = parseSubscription(options, authority.pathsOf(keyId));
    if (parsed.ok && socket.connected) registry.add(socket, parsed.value);
    const error = parsed.ok ? null : parsed.error;
    log.add({ type: 'subscribe', socketId: socket.id, options, error });
    acks.reply(callback, error);
  });

  socket.on('unsubscribe', (...args: unknown[]) => {
    const [options, callback] = splitArgs(args[0], args[1]);
    const parsed = parseRequest('unsubscribe', options);
    if (parsed.ok) registry.remove(socket.id, parsed.value.key);
    const error = parsed.ok ? null : parsed.error;
    log.add({ type: 'unsubscribe', socketId: socket.id, options, error });
    acks.reply(callback, error);
  });

  socket.on('disconnect', (reason) => {
    registry.removeSocket(socket.id);
    log.add({ type: 'disconnect', socketId: socket.id, reason });
  });
};
