import type { IoServer, ServerSocket } from './socket-types';

/** Publications a slow socket is owed: the latest per room (a topic as that socket spelled it). */
interface Held {
  readonly since: number;
  readonly latest: Map<string, unknown>;
  readonly release: () => void;
  readonly forget: () => void;
}

/** What the guard did, for counters and logs. */
export type SlowConsumerAction =
  | { readonly type: 'held'; readonly socketId: string; readonly queued: number }
  | { readonly type: 'released'; readonly socketId: string }
  | { readonly type: 'dropped'; readonly socketId: string }
  | { readonly type: 'disconnected'; readonly socketId: string; readonly reason: string };

export interface SlowConsumerOptions {
  readonly io: IoServer;
  /** Bytes waiting in one socket's engine write buffer past which it is a slow consumer. */
  readonly maxQueued: number;
  /** How long a socket may stay a slow consumer before it is disconnected, in ms. */
  readonly timeout: number;
  /** How often sockets are looked at, in ms. @default 100 */
  readonly every?: number;
  readonly onAction?: (action: SlowConsumerAction) => void;
}

export interface SlowConsumerGuard {
  /** Ids of the sockets that get no publication now (send the room's publication to the others). */
  readonly slow: ReadonlySet<string>;
  /** Keeps `payload` as the latest of `room` for a slow socket (an older one is dropped). */
  hold(socketId: string, room: string, payload: unknown): void;
  dispose(): void;
}

/** The reason a slow consumer is disconnected with (the server log and the relay's problems show it). */
const slowConsumerReason = (timeout: number, maxQueued: number): string =>
  `Slow consumer: more than ${maxQueued} bytes queued for over ${timeout} ms (slowConsumerTimeout)`;

/**
 * Bounds what the server holds for a client that does not read. Every `every` ms each socket's engine
 * write buffer is looked at: past `maxQueued` bytes the socket is a slow consumer and gets no more
 * publications as they come, only the latest of each of its topics, held for it (market data: the
 * latest wins; older ones are dropped). Once its buffer drains it gets those and is served again; still
 * slow after `timeout` ms, it is disconnected. So a socket costs at most about `maxQueued` bytes plus one
 * publication per topic.
 */
export const createSlowConsumerGuard = (options: SlowConsumerOptions): SlowConsumerGuard => {
  const { io, maxQueued, timeout, every = 100, onAction = () => undefined } = options;
  const held = new Map<string, Held>();
  const slow = new Set<string>();

  // Engine.IO's write buffer: packets the transport has not taken yet (it is private in its types).
  // A reading socket's is empty or nearly so, so adding up its packets is cheap.
  const queued = (socket: ServerSocket): number => {
    const { writeBuffer } = socket.conn as unknown as {
      readonly writeBuffer: readonly { readonly data?: string | ArrayBufferLike | ArrayBufferView }[];
    };
    let bytes = 0;
    for (const { data } of writeBuffer)
      bytes += typeof data === 'string' ? data.length : (data?.byteLength ?? 0);
    return bytes;
  };

  const release = (socket: ServerSocket) => {
    const entry = held.get(socket.id);
    if (entry === undefined || queued(socket) > 0) return;
    entry.forget();
    onAction({ type: 'released', socketId: socket.id });
    if (!socket.connected) return;
    for (const payload of entry.latest.values()) socket.emit('data', payload as never);
  };

  const hold = (socket: ServerSocket) => {
    const forget = () => {
      held.delete(socket.id);
      slow.delete(socket.id);
      socket.conn.off('drain', entry.release);
      socket.off('disconnect', forget);
    };
    const entry: Held = { since: Date.now(), latest: new Map(), release: () => release(socket), forget };
    held.set(socket.id, entry);
    slow.add(socket.id);
    socket.conn.on('drain', entry.release);
    socket.once('disconnect', forget);
    onAction({ type: 'held', socketId: socket.id, queued: queued(socket) });
  };

  const look = () => {
    const now = Date.now();
    for (const socket of io.of('/').sockets.values()) {
      const entry = held.get(socket.id);
      if (entry === undefined) {
        if (queued(socket) > maxQueued) hold(socket);
      } else if (now - entry.since > timeout) {
        const reason = slowConsumerReason(timeout, maxQueued);
        onAction({ type: 'disconnected', socketId: socket.id, reason });
        socket.disconnect(true);
      }
    }
  };
  const timer = setInterval(look, every);
  timer.unref();

  return {
    slow,
    hold(socketId, room, payload) {
      const entry = held.get(socketId);
      if (entry === undefined) return;
      if (entry.latest.has(room)) onAction({ type: 'dropped', socketId });
      entry.latest.set(room, payload);
    },
    dispose() {
      clearInterval(timer);
      held.clear();
      slow.clear();
    },
  };
};
