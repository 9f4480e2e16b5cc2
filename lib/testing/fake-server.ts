import { type Observable, type SchedulerLike, Subject, asyncScheduler } from 'rxjs';
import type { SocketFactory } from '../connection/socket-like';
import { subscriptionKey } from '../subscription/canonical-key';
import type { SubscriptionOptions } from '../subscription/data-event';
import type { FakeAck, FakeServerEvent } from './fake-server-event';
import { FakeSocket, type FakeSocketPeer } from './fake-socket';

export interface FakeServerOptions {
  /**
   * Runs the fake's delays. Inside `TestScheduler.run` the default is virtual time already.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
  /**
   * Decides each handshake: `null` accepts, a string refuses with that message (`connect_error`).
   * @default () => null
   */
  readonly authorize?: (token: string) => string | null;
  /**
   * Answers `subscribe`/`unsubscribe`: `null` for success, a message for an error, `'withhold'` for none.
   * @default () => null
   */
  readonly ack?: (event: 'subscribe' | 'unsubscribe', options: SubscriptionOptions) => FakeAck;
  /** Time from a `subscribe`/`unsubscribe` to its ack, in ms. @default 0 */
  readonly ackDelay?: number;
  /** Time from opening a socket (or a reconnect attempt) to its handshake, in ms. @default 0 */
  readonly connectDelay?: number;
  /** Time socket.io waits before reconnecting after `dropAll()`, in ms. @default 1000 */
  readonly reconnectDelay?: number;
}

export interface FakeServer {
  /** Pass as `createClient({ socket: server.socket })`. */
  readonly socket: SocketFactory;
  /** Everything the server saw, as it happens (hot). */
  readonly events$: Observable<FakeServerEvent>;
  /** Every socket opened so far, oldest first. */
  readonly sockets: readonly FakeSocket[];
  /** The subscriptions the server holds now, per connected socket. */
  subscriptions(): { socket: number; path: string; params: unknown }[];
  /** Sends `data` to every socket subscribed to (path, params); returns how many got it. */
  publish(
    path: string,
    params: Readonly<Record<string, unknown>>,
    results: unknown,
    timestamp?: string,
  ): number;
  /** Sends any payload to every connected socket, e.g. a malformed one. */
  sendRaw(payload: unknown, event?: string): void;
  /** Loses every transport: sockets see `transport close` and reconnect after `reconnectDelay`. */
  dropAll(): void;
  /** Hangs up on every socket (`io server disconnect`): socket.io does not reconnect by itself. */
  disconnectAll(): void;
}

/**
 * A socket.io server in memory that follows the Market Prophit protocol, for marble tests of code built
 * on `createClient`: script its answers, push `data` on virtual time, assert on `events$`.
 */
export const createFakeServer = (options: FakeServerOptions = {}): FakeServer => {
  const {
    scheduler = asyncScheduler,
    authorize = () => null,
    ack = () => null,
    connectDelay = 0,
    reconnectDelay = 1_000,
    ackDelay = 0,
  } = options;
  const events = new Subject<FakeServerEvent>();
  const sockets: FakeSocket[] = [];
  const held = new Map<FakeSocket, Map<string, SubscriptionOptions>>();

  const peer: FakeSocketPeer = {
    handshake: (socket) => {
      const refusal = authorize(socket.token);
      if (refusal === null) {
        held.set(socket, new Map());
        events.next({ type: 'connect', socket: socket.number, token: socket.token });
      } else {
        events.next({ type: 'refuse', socket: socket.number, token: socket.token, message: refusal });
      }
      return refusal;
    },
    receive: (socket, event, [options, callback]) => {
      if (!socket.connected) {
        events.next({ type: 'buffered', socket: socket.number, event });
        return;
      }
      if (event !== 'subscribe' && event !== 'unsubscribe') return;
      const { path, params } = options as SubscriptionOptions;
      events.next({ type: event, socket: socket.number, path, params });
      const answer = ack(event, { path, params });
      const subscriptions = held.get(socket);
      const key = subscriptionKey(path, params);
      if (answer === null && event === 'subscribe') subscriptions?.set(key, { path, params });
      if (answer === null && event === 'unsubscribe') subscriptions?.delete(key);
      if (answer === 'withhold' || typeof callback !== 'function') return;
      if (ackDelay === 0) callback(answer);
      else scheduler.schedule(() => callback(answer), ackDelay);
    },
    closed: (socket, reason) => {
      held.delete(socket);
      events.next({ type: 'disconnect', socket: socket.number, reason });
    },
  };

  const connectedSockets = () => sockets.filter((socket) => socket.connected);

  return {
    socket: (_url, { query }) => {
      const socket = new FakeSocket(sockets.length + 1, query.token, peer, scheduler, connectDelay);
      sockets.push(socket);
      return socket.connect();
    },
    events$: events.asObservable(),
    sockets,
    subscriptions: () =>
      [...held].flatMap(([socket, subscriptions]) =>
        [...subscriptions.values()].map(({ path, params }) => ({ socket: socket.number, path, params })),
      ),
    publish: (path, params, results, timestamp = new Date(scheduler.now()).toISOString()) => {
      const key = subscriptionKey(path, params);
      const targets = [...held]
        .filter(([, subscriptions]) => subscriptions.has(key))
        .map(([socket]) => socket);
      targets.forEach((socket) => socket.deliver('data', { path, params, results, timestamp }));
      return targets.length;
    },
    sendRaw: (payload, event = 'data') =>
      connectedSockets().forEach((socket) => socket.deliver(event, payload)),
    dropAll: () => connectedSockets().forEach((socket) => socket.drop('transport close', reconnectDelay)),
    disconnectAll: () => connectedSockets().forEach((socket) => socket.drop('io server disconnect')),
  };
};
