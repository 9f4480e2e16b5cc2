import { type Observable, type SchedulerLike, type Subscription, Observable as RxObservable } from 'rxjs';
import { ConnectionError } from '../errors/connection-error';
import type { LifecycleRuntime } from '../lifecycle/lifecycle-runtime';
import type { LifecyclePolicy } from '../lifecycle/policy';
import type { LifecycleEvent } from '../lifecycle/transition';
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
  readonly lifecycle: Pick<LifecycleRuntime, 'dispatch'>;
  /**
   * How long the socket stays open after the last subscriber leaves, in ms. A failure meanwhile ends
   * the connection instead of a retry: nobody is there to reconnect for.
   */
  readonly linger: number;
  /** Completes (at once for a late subscriber) once the client is closed: the socket closes now, linger or not. */
  readonly closing: Observable<never>;
  /**
   * When a new token's socket has connected, emits once it may replace the previous one (its
   * subscriptions are acknowledged): the previous socket is closed only then.
   */
  readonly handover: (socket: SocketLike) => Observable<unknown>;
}

const isTransportError = (error: unknown): boolean =>
  error instanceof Error && (error as { type?: unknown }).type === 'TransportError';

/** While the connection lingers (nobody subscribed): ends the linger at once. */
interface Linger {
  end?: () => void;
}

/**
 * One socket for one token, emitting it each time it connects. It reports what happens to the
 * lifecycle and carries out what the lifecycle answers: connect again after a wait, or fail. Only the
 * newest socket speaks for the client: an older one is on its way out (a rotation is not a reconnect).
 * A server that refuses the socket's protocol is answered by `sockets.mismatch`: the other socket.io
 * client at once (once per token: a second refusal fails), or `protocol_mismatch`.
 */
const openSocket = (
  token: string,
  options: ConnectionStreamOptions,
  newest: { socket?: SocketLike },
  linger: Linger,
): Observable<SocketLike> =>
  new RxObservable<SocketLike>((subscriber) => {
    const { url, sockets, scheduler, policy, lifecycle } = options;
    const rotating = newest.socket?.connected === true;
    const open = () => sockets.open(url, { query: { token }, reconnection: false });
    let socket = open();
    newest.socket = socket;
    /** Whether this token's socket switched to the other socket.io client already (once at most). */
    let switched = false;
    let retry: Subscription | undefined;
    let deadline: Subscription | undefined;

    const armDeadline = () => {
      deadline?.unsubscribe();
      deadline = scheduler.schedule(() => {
        if (socket.connected) return;
        socket.disconnect();
        report({
          type: 'connect-failed',
          error: new ConnectionError(
            'connect_timeout',
            `No connection to ${url} within ${policy.connectTimeout} ms`,
          ),
        });
      }, policy.connectTimeout);
    };
    const attempt = () => {
      if (socket.connected) return;
      // A retry due while nobody is subscribed ends the connection instead.
      if (linger.end) return linger.end();
      armDeadline();
      socket.connect();
    };
    const report = (event: LifecycleEvent) => {
      if (newest.socket !== socket) return;
      deadline?.unsubscribe();
      // While nobody is subscribed, a failure ends the connection: no problem, no retry.
      if (linger.end && event.type !== 'connected' && event.type !== 'socket-opening') return linger.end();
      const effect = lifecycle.dispatch(event);
      if (effect.type === 'fail') subscriber.error(effect.error);
      else if (effect.type === 'retry') {
        retry?.unsubscribe();
        retry = scheduler.schedule(attempt, effect.after);
      }
    };

    const onConnect = () => {
      deadline?.unsubscribe();
      retry?.unsubscribe();
      report({ type: 'connected' });
      subscriber.next(socket);
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
      detach(socket);
      socket.disconnect();
      socket = open();
      newest.socket = socket;
      attach(socket);
      report({ type: 'protocol-switched', message: answer.message });
      armDeadline(); // a new socket connects asynchronously
    };
    const onConnectError = (error: unknown) => {
      if (isProtocolMismatch(error)) onMismatch(error);
      else if (socket.active === false) {
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
      if (!socket.connected && !isTransportError(error)) {
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

    attach(socket);
    report({ type: 'socket-opening', rotating });
    if (socket.connected) onConnect();
    else armDeadline();
    return () => {
      retry?.unsubscribe();
      deadline?.unsubscribe();
      detach(socket);
      socket.disconnect();
    };
  });

/**
 * `connection$`: one socket per token, emitting the socket each time it connects or reconnects. A new
 * token's socket replaces the previous one make-before-break: the previous closes once `handover` says
 * the new one has its subscriptions. Shared: the last subscriber to leave closes it after `linger` ms.
 */
export const createConnectionStream = (options: ConnectionStreamOptions): Observable<SocketLike> => {
  const { lifecycle, scheduler } = options;
  const linger: Linger = {};
  return new RxObservable<SocketLike>((subscriber) => {
    lifecycle.dispatch({ type: 'started' });
    const newest: { socket?: SocketLike } = {};
    const sockets = options.token$
      .pipe(switchMapWithHandover((token) => openSocket(token, options, newest, linger), options.handover))
      .subscribe({
        next: (socket) => subscriber.next(socket),
        error: (error: unknown) => {
          lifecycle.dispatch({ type: 'crashed', error });
          subscriber.error(error);
        },
      });
    return () => {
      sockets.unsubscribe();
      lifecycle.dispatch({ type: 'stopped' });
    };
  }).pipe(
    // The linger ends after `linger` ms, when the client closes, or at a failure (Linger.end).
    shareLatest(
      () =>
        new RxObservable<void>((reset) => {
          const end = () => reset.next();
          linger.end = end;
          reset.add(scheduler.schedule(end, options.linger));
          reset.add(options.closing.subscribe({ complete: end }));
          return () => {
            if (linger.end === end) linger.end = undefined;
          };
        }),
    ),
  );
};
