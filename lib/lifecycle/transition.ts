import { ConnectionError } from '../errors/connection-error';
import type { MarketProphitError } from '../errors/marketprophit-error';
import { TokenError } from '../errors/token-error';
import type { ClientState, ConnectionProblem } from './client-state';
import type { LifecyclePolicy } from './policy';
import { isTransient } from './transient';
import { describeReason, toError } from '../util/describe-reason';

/**
 * What the client knows of its own life: the state `state$` shows, the count behind its backoff, and
 * which of its sockets speaks for it. Sockets are numbered by the wiring, newer ones higher.
 */
export interface Lifecycle {
  readonly state: ClientState;
  /** Failures in a row. Starts again from 0 after a connection that stayed up `healthyAfter` ms. */
  readonly failures: number;
  /** When the newest socket connected; undefined while it is not connected. */
  readonly connectedAt?: number;
  /** The latest failure; shown while not connected. */
  readonly problem?: ConnectionProblem;
  /** The newest socket: the only one whose events are news (an older one is on its way out). */
  readonly socket?: number;
  /** Whether the newest socket is connected: a new token's socket opened meanwhile is a rotation. */
  readonly socketUp?: boolean;
  /** An older socket still open while the newest takes over (it keeps delivering until the handover). */
  readonly previous?: number;
  /** Whether the handover's deadline is set (the newest socket connected while `previous` was open). */
  readonly handingOver?: boolean;
  /** Nobody is subscribed: the connection lingers, and a failure ends it instead of a retry. */
  readonly lingering?: boolean;
}

export const initialLifecycle: Lifecycle = { state: 'idle', failures: 0 };

/** What happens to one socket (`socket`: its number), as the connection stream reports it. */
export type SocketEvent = { readonly socket: number } &
  /** A socket is opening for a new token. */
  (
    | { readonly type: 'socket-opening' }
    | { readonly type: 'connected' }
    /** The wait before a reconnect (a `reconnect` effect) is over. */
    | { readonly type: 'connect-due' }
    /** The socket could not connect: a transport error or the connect timeout. */
    | { readonly type: 'connect-failed'; readonly error: ConnectionError }
    /** The server refused the handshake, as a rule because of the token. */
    | { readonly type: 'handshake-refused'; readonly error: Error }
    | { readonly type: 'protocol-mismatch'; readonly error: ConnectionError }
    /** The server speaks another socket.io protocol, and the socket switched to that protocol's client. */
    | { readonly type: 'protocol-switched'; readonly message: string }
    /** The connection ended without us asking: `reason` as socket.io gives it. */
    | { readonly type: 'disconnected'; readonly reason: string }
    /** The server is a relay whose own upstream fails (its words), or is back. */
    | { readonly type: 'upstream-failing'; readonly message: string; readonly retryIn?: number }
    | { readonly type: 'upstream-healed' }
    /**
     * The socket has its subscriptions (the hub's word), or the handover's deadline passed: the sockets
     * older than it may close.
     */
    | { readonly type: 'handover-ready' }
  );

/** What happens to the client, as the wiring (token stream, connection stream) reports it. */
export type LifecycleEvent =
  /** Somebody subscribed: the first token is on its way. */
  | { readonly type: 'started' }
  /** A token request went out (at start, on refresh, after a refusal). */
  | { readonly type: 'token-requested' }
  /** A token came; `expiresAt`: its `exp` claim (ms since the epoch), when it has one. */
  | { readonly type: 'token-received'; readonly expiresAt?: number }
  | { readonly type: 'token-failed'; readonly error: MarketProphitError | Error }
  | SocketEvent
  /** The last subscriber left: the connection lingers. */
  | { readonly type: 'released' }
  /** The linger is over: somebody subscribed again, or the connection stops. */
  | { readonly type: 'retained' }
  /** Something the wiring did not expect ended the streams (a socket factory that threw, say). */
  | { readonly type: 'crashed'; readonly error: unknown }
  /** Nobody is subscribed any more; the sockets are closed. */
  | { readonly type: 'stopped' };

/** What the wiring must do next (`lifecycle-runtime.ts` carries it out, in one `switch`). */
export type LifecycleEffect =
  | { readonly type: 'none' }
  /** Fetch a token after `after` ms (a refresh, a retry, a refused token), dropping what is under way. */
  | { readonly type: 'fetch-token'; readonly after: number }
  /** Fetch a fresh token at once, dropping what is under way (the server refused the current one). */
  | { readonly type: 'new-token' }
  /** Give socket `socket` `after` ms to connect; if it has not by then, that is a `connect-failed`. */
  | { readonly type: 'connect-deadline'; readonly socket: number; readonly after: number }
  /** Connect socket `socket` again after `after` ms (then report `connect-due`). */
  | { readonly type: 'reconnect'; readonly socket: number; readonly after: number }
  /** Connect socket `socket` now, and give it `within` ms. */
  | { readonly type: 'connect'; readonly socket: number; readonly within: number }
  /** Report `handover-ready` for `socket` after `after` ms, if its subscriptions have not made it so first. */
  | { readonly type: 'handover-deadline'; readonly socket: number; readonly after: number }
  /** Close every socket older than `socket`. */
  | { readonly type: 'close-previous'; readonly socket: number }
  /** Nobody is subscribed: stop after `after` ms, unless somebody subscribes again. */
  | { readonly type: 'linger'; readonly after: number }
  /** End the connection now (a failure while it lingered: nobody is there to reconnect for). */
  | { readonly type: 'stop' }
  /** Give up: `token$` (a token failure) or the connection (a socket's) ends with `error`, and so every stream. */
  | {
      readonly type: 'fail';
      readonly stream: 'token' | 'connection';
      readonly error: MarketProphitError | Error;
    };

export interface Transition {
  readonly next: Lifecycle;
  readonly effect: LifecycleEffect;
  /** The failure this event was, for `problems$`. */
  readonly problem?: ConnectionProblem;
}

const NONE: LifecycleEffect = { type: 'none' };

/**
 * The whole of the client's life as one function: `(lifecycle, event) → next lifecycle + effect`.
 * Pure: the clock is `now`, every wait comes from `policy`. The wiring reports events and does the
 * effects; it decides nothing. The table, first matching row (docs/architecture.md has it too, checked
 * by spec/lifecycle/transition.spec.ts):
 *
 * | state           | event                         | next state     | effect                                     |
 * | --------------- | ----------------------------- | -------------- | ------------------------------------------ |
 * | failed          | started                       | idle           | — (failures start again from 0)            |
 * | other           | started                       | unchanged      | — (failures start again from 0)            |
 * | not connected   | token-requested               | authenticating | —                                          |
 * | connected       | token-requested               | connected      | — (a rotation is no news)                  |
 * | any             | token-received                | unchanged      | fetch-token after `refreshIn`              |
 * | any             | token-failed                  | unchanged      | fetch-token after backoff, or fail token   |
 * | any             | (socket event of an older socket) | unchanged  | — (only the newest socket speaks)          |
 * | lingering       | any socket event but socket-opening, connected, handover-ready | unchanged | stop |
 * | any             | socket-opening (newest down)  | connecting     | connect-deadline after `connectTimeout`    |
 * | any             | socket-opening (newest up)    | unchanged      | connect-deadline (a rotation is no news)   |
 * | any             | connected                     | connected      | handover-deadline after `ackTimeout` while an older socket is open, else — |
 * | any             | handover-ready                | unchanged      | close-previous while an older socket is open, else — |
 * | any             | connect-due                   | unchanged      | connect within `connectTimeout`            |
 * | any             | connect-failed                | reconnecting   | reconnect after backoff, or fail           |
 * | any             | handshake-refused             | authenticating | new-token (the 1st time, `refusedTokenWait`), fetch-token after it, or fail |
 * | any             | protocol-mismatch             | failed         | fail (unless `transient` says otherwise: reconnecting, reconnect) |
 * | any             | protocol-switched             | unchanged      | connect-deadline (information, not a failure) |
 * | any             | disconnected (server)         | reconnecting   | reconnect after backoff, or fail           |
 * | any             | disconnected (ours)           | unchanged      | —                                          |
 * | any             | upstream-failing              | unchanged      | — (an `upstream` problem shown)            |
 * | any             | upstream-healed               | unchanged      | — (that problem cleared)                   |
 * | any             | released                      | unchanged      | linger after `policy.linger`               |
 * | any             | retained                      | unchanged      | — (the linger is over)                     |
 * | any             | crashed                       | failed         | — (the error is on its way)                |
 * | failed          | stopped                       | failed         | — (the reason stays visible)               |
 * | other           | stopped                       | idle           | —                                          |
 *
 * A failure counts against `retryAttempts` and grows the backoff; the count starts again from 0 only
 * after a connection that stayed up for `healthyAfter` ms. Whether a failure is retried is the
 * policy's `transient` table; the state is `failed` exactly when it is not.
 */
export const transition = (
  policy: LifecyclePolicy,
  current: Lifecycle,
  event: LifecycleEvent,
  now: number,
): Transition => {
  const failure = (
    kind: ConnectionProblem['kind'],
    error: MarketProphitError | Error,
    /** The state while it is retried: never `failed`, which is the state of giving up and only of that. */
    state: Exclude<ClientState, 'failed' | 'idle'>,
    retry: (attempt: number) => LifecycleEffect,
    stream: 'token' | 'connection',
    giveUp: (attempt: number) => MarketProphitError | Error = () => error,
  ): Transition => {
    const healthy = current.connectedAt !== undefined && now - current.connectedAt >= policy.healthyAfter;
    const attempt = (healthy ? 0 : current.failures) + 1;
    const retrying = isTransient(policy.transient, error) && attempt <= policy.retryAttempts;
    const effect: LifecycleEffect = retrying
      ? retry(attempt)
      : { type: 'fail', stream, error: giveUp(attempt) };
    const retryIn = 'after' in effect ? effect.after : effect.type === 'new-token' ? 0 : undefined;
    const problem: ConnectionProblem = {
      kind,
      message: describeReason(effect.type === 'fail' ? effect.error : error),
      error: effect.type === 'fail' ? effect.error : error,
      attempt,
      ...(retryIn === undefined ? {} : { retryIn }),
      at: now,
    };
    return {
      next: {
        ...current,
        state: retrying ? state : 'failed',
        failures: attempt,
        problem,
        connectedAt: undefined,
        // A socket failure leaves the newest socket down; a token failure leaves it as it is.
        socketUp: stream === 'token' && current.socketUp,
      },
      effect,
      problem,
    };
  };

  const same: Transition = { next: current, effect: NONE };
  if ('socket' in event) {
    if (event.socket !== current.socket && event.type !== 'socket-opening') return same;
    // Nobody is subscribed: a failure ends the connection, with no problem shown and no retry.
    const ends =
      event.type !== 'socket-opening' && event.type !== 'connected' && event.type !== 'handover-ready';
    if (current.lingering === true && ends) return { next: current, effect: { type: 'stop' } };
  }
  /** A failure of the newest socket: reconnect it after the backoff, or give up. */
  const socketFailure = (
    kind: ConnectionProblem['kind'],
    error: MarketProphitError | Error,
    socket: number,
  ) =>
    failure(
      kind,
      error,
      'reconnecting',
      (attempt) => ({ type: 'reconnect', socket, after: policy.retryWait(attempt) }),
      'connection',
    );
  const connectDeadline = (socket: number): LifecycleEffect => ({
    type: 'connect-deadline',
    socket,
    after: policy.connectTimeout,
  });

  switch (event.type) {
    case 'started':
      // The first token request (on the scheduler, at once) makes it `authenticating`.
      return {
        next: { state: current.state === 'failed' ? 'idle' : current.state, failures: 0 },
        effect: NONE,
      };
    case 'token-requested':
      return {
        next: current.state === 'connected' ? current : { ...current, state: 'authenticating' },
        effect: NONE,
      };
    case 'token-received':
      // The refresh is planned before the token goes out: a refusal it leads to at once replaces it.
      return {
        next: current,
        effect: {
          type: 'fetch-token',
          after: policy.refreshIn({ fetchedAt: now, expiresAt: event.expiresAt }, policy),
        },
      };
    case 'token-failed': {
      const state = current.state === 'connected' ? 'connected' : 'authenticating';
      return failure(
        'token',
        event.error,
        state,
        (attempt) => ({ type: 'fetch-token', after: policy.retryWait(attempt) }),
        'token',
      );
    }
    case 'socket-opening': {
      // Opened while the newest is connected: a rotation, which is no news.
      return {
        next: {
          ...current,
          state: current.socketUp ? current.state : 'connecting',
          socket: event.socket,
          socketUp: false,
          previous: current.socket,
          handingOver: false,
        },
        effect: connectDeadline(event.socket),
      };
    }
    case 'connected': {
      const handover = current.previous !== undefined && !current.handingOver;
      return {
        next: {
          ...current,
          state: 'connected',
          connectedAt: now,
          problem: undefined,
          socketUp: true,
          handingOver: current.handingOver || handover,
        },
        effect: handover
          ? { type: 'handover-deadline', socket: event.socket, after: policy.ackTimeout }
          : NONE,
      };
    }
    case 'handover-ready': {
      if (current.previous === undefined) return same;
      return {
        next: { ...current, previous: undefined, handingOver: false },
        effect: { type: 'close-previous', socket: event.socket },
      };
    }
    case 'connect-due':
      return {
        next: current,
        effect: { type: 'connect', socket: event.socket, within: policy.connectTimeout },
      };
    case 'connect-failed':
      return socketFailure('connect', event.error, event.socket);
    case 'handshake-refused': {
      // A refused handshake is worth a fresh token, whatever the server's words were.
      const refused = (what: string) =>
        new TokenError('rejected', `The server refused ${what}: ${describeReason(event.error)}`, undefined, {
          cause: event.error,
        });
      return failure(
        'handshake',
        refused('the token'),
        'authenticating',
        (attempt) => {
          const after = policy.refusedTokenWait(attempt, policy);
          return after === 0 ? { type: 'new-token' } : { type: 'fetch-token', after };
        },
        'connection',
        (attempt) => refused(`${attempt} tokens in a row`),
      );
    }
    case 'protocol-mismatch':
      // Not transient by default (policy.transient): `failed` at once.
      return socketFailure('protocol', event.error, event.socket);
    case 'protocol-switched':
      // Told once on `problems$` (attempt 0, retried at once with the other client); not counted.
      return {
        next: current,
        effect: connectDeadline(event.socket),
        problem: { kind: 'protocol', message: event.message, attempt: 0, retryIn: 0, at: now },
      };
    case 'disconnected': {
      if (event.reason === 'io client disconnect') return same;
      const error = new ConnectionError(
        'disconnected',
        event.reason === 'io server disconnect'
          ? 'The server closed the connection'
          : `The connection was lost (${event.reason})`,
      );
      return socketFailure('disconnect', error, event.socket);
    }
    case 'upstream-failing': {
      // Not a failure of this connection: no backoff, no count; shown until healed or superseded.
      const { message, retryIn } = event;
      const problem: ConnectionProblem = { kind: 'upstream', message, retryIn, attempt: 1, at: now };
      return { next: { ...current, problem }, effect: NONE, problem };
    }
    case 'upstream-healed':
      return {
        next: current.problem?.kind === 'upstream' ? { ...current, problem: undefined } : current,
        effect: NONE,
      };
    case 'released':
      return { next: { ...current, lingering: true }, effect: { type: 'linger', after: policy.linger } };
    case 'retained':
      return { next: { ...current, lingering: false }, effect: NONE };
    case 'crashed': {
      if (current.state === 'failed') return same;
      const error = toError(event.error);
      const problem: ConnectionProblem = {
        kind: 'connect',
        message: error.message,
        error,
        attempt: current.failures + 1,
        at: now,
      };
      return { next: { state: 'failed', failures: current.failures + 1, problem }, effect: NONE, problem };
    }
    case 'stopped':
      return {
        next: current.state === 'failed' ? current : { state: 'idle', failures: 0 },
        effect: NONE,
      };
  }
};
