import { type Observable, type SchedulerLike, Subject, asyncScheduler } from 'rxjs';
import type { SocketFactory } from '../connection/socket-like';
import { realTimeEndpoints, type ParamsOf, type RecordOf } from '../endpoints/real-time-endpoints';
import type { RealTimePath } from '../endpoints/real-time-specs';
import { subscriptionKey } from '../subscription/canonical-key';
import type { SubscriptionOptions } from '../subscription/data-event';
import { FakeSocket, type FakeSocketPeer } from './fake-socket';
import { nonNegativeNumber } from '../util/positive-number';

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

/** What a fake server saw, in order; `socket` numbers the sockets 1, 2, … as they were opened. */
export type FakeServerEvent =
  | { readonly type: 'connect'; readonly socket: number; readonly token: string }
  | { readonly type: 'refuse'; readonly socket: number; readonly token: string; readonly message: string }
  | {
      readonly type: 'subscribe' | 'unsubscribe';
      readonly socket: number;
      readonly path: string;
      readonly params: unknown;
    }
  /** The client emitted while disconnected: socket.io would have buffered it and replayed it later. */
  | { readonly type: 'buffered'; readonly socket: number; readonly event: string }
  | { readonly type: 'disconnect'; readonly socket: number; readonly reason: string };

export type FakeAck = string | null | 'withhold';

/** How {@link FakeServer.publish} sends one `data` event. */
export interface PublishOptions {
  /** The event's `timestamp`. @default the scheduler's now */
  readonly timestamp?: Date | string;
  /**
   * When no socket holds the subscription: `'throw'` an error that says so (a test that publishes to
   * nobody is almost always too early or misspelt), or `'ignore'` it (`publish` answers 0).
   * @default 'throw'
   */
  readonly ifNobody?: 'throw' | 'ignore';
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
  /**
   * Sends `data` with these decoded records to every socket subscribed to (path, params), encoded for
   * the wire by the catalogue's codec (numbers as decimal strings, dates as ISO-8601); answers how
   * many sockets got it. Publishing to nobody throws (see `ifNobody`). The client subscribes once its
   * socket has connected, so in `TestScheduler.run` publish from frame 1 on, not at frame 0.
   * @example server.publish('/real-time/tweet-volume', { ticker: 'AAPL' }, [{ ts: new Date(0), ticker: 'AAPL', volume: 3 }])
   */
  publish<P extends RealTimePath>(
    path: P,
    params: ParamsOf<P>,
    records: readonly RecordOf<P>[],
    options?: PublishOptions,
  ): number;
  /**
   * The same with `results` as they travel on the wire, unchecked: for paths outside the catalogue
   * and for malformed data.
   * @example server.publishEncoded('/real-time/tweet-volume', { ticker: 'AAPL' }, [{ volume: 'abc' }])
   */
  publishEncoded(
    path: string,
    params: Readonly<Record<string, unknown>>,
    results: unknown,
    options?: PublishOptions,
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
  for (const [name, delay] of Object.entries({ connectDelay, reconnectDelay, ackDelay })) {
    nonNegativeNumber(`createFakeServer: ${name}`, delay);
  }
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

  const publishEncoded: FakeServer['publishEncoded'] = (path, params, results, publishOptions = {}) => {
    const { timestamp = new Date(scheduler.now()), ifNobody = 'throw' } = publishOptions;
    const key = subscriptionKey(path, params);
    const targets = [...held].filter(([, subscriptions]) => subscriptions.has(key)).map(([socket]) => socket);
    if (targets.length === 0 && ifNobody === 'throw') {
      const holding = subscriptionsNow().map((entry) => `${entry.path} ${JSON.stringify(entry.params)}`);
      throw new Error(
        `FakeServer.publish: nobody is subscribed to ${path} ${JSON.stringify(params)} at ${scheduler.now()} ms ` +
          `(held: ${holding.length === 0 ? 'none' : holding.join(', ')}). The client subscribes once its socket has ` +
          `connected: publish later (from frame 1 in TestScheduler.run), or pass { ifNobody: 'ignore' }.`,
      );
    }
    const sent = typeof timestamp === 'string' ? timestamp : timestamp.toISOString();
    targets.forEach((socket) => socket.deliver('data', { path, params, results, timestamp: sent }));
    return targets.length;
  };

  const subscriptionsNow = () =>
    [...held].flatMap(([socket, subscriptions]) =>
      [...subscriptions.values()].map(({ path, params }) => ({ socket: socket.number, path, params })),
    );

  return {
    socket: (_url, { query }) => {
      const socket = new FakeSocket(sockets.length + 1, query.token, peer, scheduler, connectDelay);
      sockets.push(socket);
      return socket.connect();
    },
    events$: events.asObservable(),
    sockets,
    subscriptions: subscriptionsNow,
    publish: (path, params, records, publishOptions) =>
      publishEncoded(path, params, realTimeEndpoints[path].results.encode([...records]), publishOptions),
    publishEncoded,
    sendRaw: (payload, event = 'data') =>
      connectedSockets().forEach((socket) => socket.deliver(event, payload)),
    dropAll: () => connectedSockets().forEach((socket) => socket.drop('transport close', reconnectDelay)),
    disconnectAll: () => connectedSockets().forEach((socket) => socket.drop('io server disconnect')),
  };
};
