import { type Observable, type SchedulerLike, type Subscription, Observable as RxObservable } from 'rxjs';
import { ConnectionError } from '../errors/connection-error';
import type { LifecycleRuntime } from '../lifecycle/lifecycle-runtime';
import type { LifecyclePolicy } from '../lifecycle/policy';
import type { LifecycleEvent } from '../lifecycle/transition';
import type { SocketFactory, SocketLike } from './socket-like';
import { switchMapWithHandover } from './switch-map-with-handover';
import { UPSTREAM_STATUS_EVENT, upstreamStatusEvent } from './upstream-status-event';
import { describeReason, toError } from '../util/describe-reason';
import { shareLatest } from '../util/share-latest';

export interface ConnectionStreamOptions {
  readonly url: string;
  readonly token$: Observable<string>;
  readonly socketFactory: SocketFactory;
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

/** What socket.io-client 3+ says when it meets a socket.io 1.x/2.x server. */
const PROTOCOL_MISMATCH = /server in v2\.x|not compatible/i;

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
 */
const openSocket = (
  token: string,
  options: ConnectionStreamOptions,
  newest: { socket?: SocketLike },
  linger: Linger,
): Observable<SocketLike> =>
  new RxObservable<SocketLike>((subscriber) => {
    const { url, socketFactory, scheduler, policy, lifecycle } = options;
    const rotating = newest.socket?.connected === true;
    const socket = socketFactory(url, { query: { token }, reconnection: false });
    newest.socket = socket;
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
    const onConnectError = (error: unknown) => {
      if (PROTOCOL_MISMATCH.test(describeReason(error))) {
        const message =
          `${url} runs socket.io 1.x/2.x: pass socket.io-client 2's \`io\` as the \`socket\` option ` +
          `(see docs/legacy-servers.md in the marketprophit-rx package). The server said: ${describeReason(error)}`;
        report({
          type: 'protocol-mismatch',
          error: new ConnectionError('protocol_mismatch', message, { cause: error }),
        });
      } else if (socket.active === false) {
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

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.on('error', onError);
    socket.on(UPSTREAM_STATUS_EVENT, onUpstreamStatus);
    report({ type: 'socket-opening', rotating });
    if (socket.connected) onConnect();
    else armDeadline();
    return () => {
      retry?.unsubscribe();
      deadline?.unsubscribe();
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.off('error', onError);
      socket.off(UPSTREAM_STATUS_EVENT, onUpstreamStatus);
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
