import {
  type Observable,
  type SchedulerLike,
  type Subscriber,
  type Subscription,
  Observable as RxObservable,
  Subject,
} from 'rxjs';
import { ConnectionError } from '../errors/connection-error';
import type { ConnectionHands, LifecycleRuntime } from '../lifecycle/lifecycle-runtime';
import type { LifecyclePolicy } from '../lifecycle/policy';
import type { SocketEvent } from '../lifecycle/transition';
import { isProtocolMismatch } from './protocol-mismatch';
import type { MismatchAnswer, SocketChoice } from './socket-choice';
import type { SocketLike } from './socket-like';
import { switchMapWithHandover } from './switch-map-with-handover';
import { UPSTREAM_STATUS_EVENT, upstreamStatusEvent } from './upstream-status-event';
import { describeReason, toError } from '../util/describe-reason';
import { shareLatest } from '../util/share-latest';

export interface ConnectionStreamOptions {
  readonly url: string;
  readonly token$: Observable<string>;
  /** The socket for the URL, and what a protocol mismatch means (switch to the other client, or fail). */
  readonly sockets: SocketChoice;
  readonly scheduler: SchedulerLike;
  readonly policy: LifecyclePolicy;
  /** Decides everything (deadlines, retries, the handover, the linger) and carries it out through this stream's hands. */
  readonly lifecycle: Pick<LifecycleRuntime, 'dispatch' | 'attachConnection'>;
  /** Completes (at once for a late subscriber) once the client is closed: the socket closes now, linger or not. */
  readonly closing: Observable<never>;
  /**
   * Sockets whose subscriptions are all acknowledged (the subscription hub's word): a new token's
   * socket that is ready takes over, and the previous closes (`handover-ready`).
   */
  readonly ready: Observable<SocketLike>;
}

const isTransportError = (error: unknown): boolean =>
  error instanceof Error && (error as { type?: unknown }).type === 'TransportError';

/** A socket event as the socket reports it; its number is added on the way to the lifecycle. */
type Report = SocketEvent extends infer E ? (E extends SocketEvent ? Omit<E, 'socket'> : never) : never;

/** One token's socket, known to the lifecycle by its number. */
interface OpenSocket {
  readonly id: number;
  /** The socket; another one after a switch to the other socket.io client. */
  socket: SocketLike;
  /** The wait for the connect (`connect-deadline`), and the wait before a reconnect. */
  deadline?: Subscription;
  retry?: Subscription;
  /** The handover's deadline. */
  handover?: Subscription;
  /** Emits when the sockets older than this one may close (`close-previous`). */
  readonly handedOver: Subject<void>;
  /** Reports an event of this socket to the lifecycle. */
  readonly report: (event: Report) => void;
}

/** While nobody is subscribed: ends the linger, and holds its timer. */
interface Linger {
  end?: () => void;
  hold?: Subscription;
}

/**
 * One socket for one token, emitting it each time it connects. It reports what happens to the
 * lifecycle, which carries out its answer (connect again after a wait, a fresh token, fail) through the
 * connection's hands. A server that refuses the socket's protocol is answered by `sockets.mismatch`:
 * the other socket.io client at once (once per token: a second refusal fails), or `protocol_mismatch`.
 */
const openSocket = (
  token: string,
  id: number,
  options: ConnectionStreamOptions,
  open: Map<number, OpenSocket>,
): Observable<SocketLike> =>
  new RxObservable<SocketLike>((subscriber) => {
    const { url, sockets, lifecycle } = options;
    const connect = () => sockets.open(url, { query: { token }, reconnection: false });
    /** Whether this token's socket switched to the other socket.io client already (once at most). */
    let switched = false;
    const report = (event: Report) => {
      entry.deadline?.unsubscribe();
      lifecycle.dispatch({ ...event, socket: id } as SocketEvent);
    };
    const entry: OpenSocket = { id, socket: connect(), handedOver: new Subject<void>(), report };
    open.set(id, entry);

    const onConnect = () => {
      entry.deadline?.unsubscribe();
      entry.retry?.unsubscribe();
      report({ type: 'connected' });
      subscriber.next(entry.socket);
    };
    const onDisconnect = (reason: string) => report({ type: 'disconnected', reason });
    const onMismatch = (error: unknown) => {
      const answer: MismatchAnswer = (switched ? undefined : sockets.mismatch?.(url)) ?? {
        switched: false,
        message: `${url} speaks another socket.io protocol`,
      };
      if (!answer.switched) {
        const message = `${answer.message}. The server said: ${describeReason(error)}`;
        report({
          type: 'protocol-mismatch',
          error: new ConnectionError('protocol_mismatch', message, { cause: error }),
        });
        return;
      }
      // The other client, with the same token, at once: information, not a failure.
      switched = true;
      detach(entry.socket);
      entry.socket.disconnect();
      entry.socket = connect();
      attach(entry.socket);
      report({ type: 'protocol-switched', message: answer.message });
    };
    const onConnectError = (error: unknown) => {
      if (isProtocolMismatch(error)) onMismatch(error);
      else if (entry.socket.active === false) {
        // socket.io-client 4: a handshake the server refused leaves the socket inactive.
        report({ type: 'handshake-refused', error: toError(error) });
      } else {
        // socket.io-client's "websocket error" holds the system's reason (in Node): connect ECONNREFUSED …
        const detail = (error as { description?: { message?: unknown } }).description?.message;
        const message = `Could not connect to ${url}: ${describeReason(error)}${typeof detail === 'string' && detail ? ` (${detail})` : ''}`;
        report({
          type: 'connect-failed',
          error: new ConnectionError('connect_failed', message, { cause: error }),
        });
      }
    };
    // socket.io 1.x/2.x servers refuse a handshake with `error`; socket.io-client 2 also re-emits
    // transport errors of an open connection that way.
    const onError = (error: unknown) => {
      if (!entry.socket.connected && !isTransportError(error)) {
        report({ type: 'handshake-refused', error: toError(error) });
      }
    };
    // A relay tells its clients when its own upstream fails and heals.
    const onUpstreamStatus = (payload: unknown) => {
      const event = upstreamStatusEvent(payload);
      if (event) report(event);
    };

    const handlers = [
      ['connect', onConnect],
      ['disconnect', onDisconnect],
      ['connect_error', onConnectError],
      ['error', onError],
      [UPSTREAM_STATUS_EVENT, onUpstreamStatus],
    ] as const;
    const attach = (target: SocketLike) => handlers.forEach(([event, handler]) => target.on(event, handler));
    const detach = (target: SocketLike) => handlers.forEach(([event, handler]) => target.off(event, handler));

    attach(entry.socket);
    report({ type: 'socket-opening' });
    if (entry.socket.connected) onConnect();
    return () => {
      open.delete(id);
      entry.retry?.unsubscribe();
      entry.deadline?.unsubscribe();
      entry.handover?.unsubscribe();
      detach(entry.socket);
      entry.socket.disconnect();
    };
  });

/** The hands the lifecycle carries out its answers with, for the sockets in `open`. */
const connectionHands = (
  options: ConnectionStreamOptions,
  open: Map<number, OpenSocket>,
  linger: Linger,
  subscriber: Subscriber<SocketLike>,
): ConnectionHands => {
  const { url, scheduler, policy, lifecycle } = options;
  const armDeadline = (id: number, after: number) => {
    const entry = open.get(id);
    if (entry === undefined) return;
    entry.deadline?.unsubscribe();
    entry.deadline = scheduler.schedule(() => {
      if (entry.socket.connected) return;
      entry.socket.disconnect();
      entry.report({
        type: 'connect-failed',
        error: new ConnectionError(
          'connect_timeout',
          `No connection to ${url} within ${policy.connectTimeout} ms`,
        ),
      });
    }, after);
  };
  return {
    'connect-deadline': ({ socket, after }) => armDeadline(socket, after),
    reconnect: ({ socket, after }) => {
      const entry = open.get(socket);
      if (entry === undefined) return;
      entry.retry?.unsubscribe();
      entry.retry = scheduler.schedule(() => {
        if (!entry.socket.connected) lifecycle.dispatch({ type: 'connect-due', socket });
      }, after);
    },
    connect: ({ socket, within }) => {
      armDeadline(socket, within);
      open.get(socket)?.socket.connect();
    },
    'handover-deadline': ({ socket, after }) => {
      const entry = open.get(socket);
      if (entry === undefined) return;
      entry.handover?.unsubscribe();
      entry.handover = scheduler.schedule(
        () => lifecycle.dispatch({ type: 'handover-ready', socket }),
        after,
      );
    },
    'close-previous': ({ socket }) => open.get(socket)?.handedOver.next(),
    linger: ({ after }) => linger.hold?.add(scheduler.schedule(() => linger.end?.(), after)),
    stop: () => linger.end?.(),
    fail: ({ error }) => subscriber.error(error),
  };
};

/**
 * `connection$`: one socket per token, emitting the socket each time it connects or reconnects. A new
 * token's socket replaces the previous one make-before-break: the previous closes once the lifecycle
 * says so (the new one has its subscriptions, or `ackTimeout` passed). Shared: when the last subscriber
 * leaves it lingers for as long as the lifecycle says (`policy.linger`).
 */
export const createConnectionStream = (options: ConnectionStreamOptions): Observable<SocketLike> => {
  const { lifecycle } = options;
  const linger: Linger = {};
  /** Socket numbers, never reused. */
  let opened = 0;
  return new RxObservable<SocketLike>((subscriber) => {
    const open = new Map<number, OpenSocket>();
    const detach = lifecycle.attachConnection(connectionHands(options, open, linger, subscriber));
    lifecycle.dispatch({ type: 'started' });
    const ready = options.ready.subscribe((socket) => {
      for (const entry of open.values()) {
        if (entry.socket === socket) lifecycle.dispatch({ type: 'handover-ready', socket: entry.id });
      }
    });
    const handedOver = (socket: SocketLike): Observable<unknown> =>
      [...open.values()].find((entry) => entry.socket === socket)?.handedOver ?? new RxObservable();
    const sockets = options.token$
      .pipe(switchMapWithHandover((token) => openSocket(token, (opened += 1), options, open), handedOver))
      .subscribe({
        next: (socket) => subscriber.next(socket),
        error: (error: unknown) => {
          lifecycle.dispatch({ type: 'crashed', error });
          subscriber.error(error);
        },
      });
    return () => {
      ready.unsubscribe();
      sockets.unsubscribe();
      lifecycle.dispatch({ type: 'stopped' });
      detach();
    };
  }).pipe(
    // The linger ends when the lifecycle says (its timer, or a failure meanwhile) or when the client closes.
    shareLatest(
      () =>
        new RxObservable<void>((reset) => {
          const end = () => reset.next();
          linger.end = end;
          linger.hold = reset;
          lifecycle.dispatch({ type: 'released' });
          reset.add(options.closing.subscribe({ complete: end }));
          return () => {
            if (linger.end === end) linger.end = linger.hold = undefined;
            lifecycle.dispatch({ type: 'retained' });
          };
        }),
    ),
  );
};
