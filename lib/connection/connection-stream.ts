import {
  type Observable,
  type SchedulerLike,
  type Subscription,
  ReplaySubject,
  Observable as RxObservable,
  share,
  tap,
  timer,
} from 'rxjs';
import { TokenError } from '../errors/token-error';
import type { RetryWait } from '../token/retry-wait';
import type { SocketFactory, SocketLike } from './socket-like';
import { switchMapWithHandover } from './switch-map-with-handover';

export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'idle';

export interface ConnectionStreamOptions {
  readonly url: string;
  readonly token$: Observable<string>;
  readonly socketFactory: SocketFactory;
  readonly scheduler: SchedulerLike;
  /** How long the socket stays open after the last subscriber leaves, in ms. */
  readonly linger: number;
  readonly retryAttempts: number;
  readonly retryWait: RetryWait;
  /** Called with the count of refusals in a row, so the token stream can fetch a fresh token. */
  readonly onTokenRejected: (rejectionsInARow: number) => void;
  readonly onPhase: (phase: ConnectionPhase) => void;
  /**
   * When a new token's socket has connected, emits once it may replace the previous one (its
   * subscriptions are acknowledged): the previous socket is closed only then.
   */
  readonly handover: (socket: SocketLike) => Observable<unknown>;
}

/**
 * A handshake the server refused: socket.io-client 4 reports it as `connect_error` with the socket no
 * longer `active` (transport errors keep it active and retry by themselves); socket.io 1.x/2.x servers
 * answer a refused handshake with an `error` event instead.
 */
const openSocket = (
  token: string,
  options: ConnectionStreamOptions,
  shared: { rejections: number; newest?: SocketLike },
): Observable<SocketLike> =>
  new RxObservable<SocketLike>((subscriber) => {
    const { url, socketFactory, scheduler, retryWait } = options;
    // Only the newest socket speaks for the state: a rotation is not a reconnect.
    const onPhase = (phase: ConnectionPhase) => {
      if (shared.newest === socket) options.onPhase(phase);
    };
    const rotating = shared.newest?.connected === true;
    const socket = socketFactory(url, { query: { token } });
    shared.newest = socket;
    if (!rotating) onPhase('connecting');
    let serverDisconnects = 0;
    let reconnect: Subscription | undefined;

    const onConnect = () => {
      serverDisconnects = 0;
      shared.rejections = 0;
      onPhase('connected');
      subscriber.next(socket);
    };
    const onDisconnect = (reason: string) => {
      onPhase('reconnecting');
      // socket.io reconnects by itself after a lost transport, but not after the server hung up on us
      // (a graceful restart, a revoked token): then it is ours to do, with backoff.
      if (reason === 'io server disconnect') {
        serverDisconnects += 1;
        reconnect = scheduler.schedule(() => socket.connect(), retryWait(serverDisconnects));
      }
    };
    const onRefused = (error: unknown) => {
      shared.rejections += 1;
      if (shared.rejections > options.retryAttempts) {
        subscriber.error(
          new TokenError(
            'rejected',
            `The server refused ${shared.rejections} tokens in a row: ${describe(error)}`,
          ),
        );
        return;
      }
      options.onTokenRejected(shared.rejections);
    };
    const onConnectError = (error: unknown) => {
      if (socket.active === false) onRefused(error);
    };
    // socket.io-client 2 also re-emits transport errors of an open connection as `error`.
    const onError = (error: unknown) => {
      if (!socket.connected && !isTransportError(error)) onRefused(error);
    };

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.on('error', onError);
    if (socket.connected) onConnect();
    return () => {
      reconnect?.unsubscribe();
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.off('error', onError);
      socket.disconnect();
    };
  });

const isTransportError = (error: unknown): boolean =>
  error instanceof Error && (error as { type?: unknown }).type === 'TransportError';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * `connection$`: one socket per token, emitting the socket each time it connects or reconnects. A new
 * token's socket replaces the previous one make-before-break: the previous closes once `handover` says
 * the new one has its subscriptions. Shared: the last subscriber to leave closes it after `linger` ms.
 */
export const createConnectionStream = (options: ConnectionStreamOptions): Observable<SocketLike> => {
  // Handshake refusals in a row, across sockets (a successful connect resets it), and the newest socket.
  const shared: { rejections: number; newest?: SocketLike } = { rejections: 0 };
  return options.token$.pipe(
    switchMapWithHandover((token) => openSocket(token, options, shared), options.handover),
    tap({ error: () => options.onPhase('failed'), finalize: () => options.onPhase('idle') }),
    share({
      connector: () => new ReplaySubject<SocketLike>(1),
      resetOnError: true,
      resetOnComplete: true,
      resetOnRefCountZero: () => timer(options.linger, options.scheduler),
    }),
  );
};
