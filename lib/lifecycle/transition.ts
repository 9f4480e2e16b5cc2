import { ConnectionError } from '../errors/connection-error';
import type { MarketProphitError } from '../errors/marketprophit-error';
import { TokenError } from '../errors/token-error';
import type { ClientState, ConnectionProblem } from './client-state';
import type { LifecyclePolicy } from './policy';
import { isTransient } from './transient';
import { describeReason, toError } from '../util/describe-reason';

/** What the client knows of its own life: the state `state$` shows, and the count behind its backoff. */
export interface Lifecycle {
  readonly state: ClientState;
  /** Failures in a row. Starts again from 0 after a connection that stayed up `healthyAfter` ms. */
  readonly failures: number;
  /** When the newest socket connected; undefined while it is not connected. */
  readonly connectedAt?: number;
  /** The latest failure; shown while not connected. */
  readonly problem?: ConnectionProblem;
}

export const initialLifecycle: Lifecycle = { state: 'idle', failures: 0 };

/** What happens to the client, as the wiring (token stream, sockets) reports it. */
export type LifecycleEvent =
  /** Somebody subscribed: the first token is on its way. */
  | { readonly type: 'started' }
  /** A token request went out (at start, on refresh, after a refusal). */
  | { readonly type: 'token-requested' }
  | { readonly type: 'token-failed'; readonly error: MarketProphitError | Error }
  /** A socket is opening for a new token; `rotating` while an older socket is still connected. */
  | { readonly type: 'socket-opening'; readonly rotating: boolean }
  | { readonly type: 'connected' }
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
  /** Something the wiring did not expect ended the streams (a socket factory that threw, say). */
  | { readonly type: 'crashed'; readonly error: unknown }
  /** Nobody is subscribed any more; the socket is closed. */
  | { readonly type: 'stopped' };

/** What the wiring must do next. */
export type LifecycleEffect =
  | { readonly type: 'none' }
  /** Try the same thing again after `after` ms: the token request, or the socket's connect. */
  | { readonly type: 'retry'; readonly after: number }
  /** Fetch a fresh token after `after` ms (the server refused the current one). */
  | { readonly type: 'new-token'; readonly after: number }
  /** Give up: every stream ends with `error`. */
  | { readonly type: 'fail'; readonly error: MarketProphitError | Error };

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
 * effects; it decides nothing.
 *
 * | state          | event                  | next state     | effect                          |
 * | -------------- | ---------------------- | -------------- | ------------------------------- |
 * | failed         | started                | idle           | — (failures start again from 0) |
 * | other          | started                | unchanged      | — (failures start again from 0) |
 * | not connected  | token-requested        | authenticating | —                               |
 * | connected      | token-requested        | connected      | — (a rotation is no news)       |
 * | any            | token-failed           | unchanged      | retry after backoff, or fail    |
 * | any            | socket-opening (new)   | connecting     | —                               |
 * | any            | socket-opening (rot.)  | unchanged      | —                               |
 * | any            | connected              | connected      | — (problem cleared)             |
 * | any            | connect-failed         | reconnecting   | retry after backoff, or fail    |
 * | any            | handshake-refused      | authenticating | new token (at once the 1st time, then backoff), or fail |
 * | any            | protocol-mismatch      | failed         | fail                            |
 * | any            | protocol-switched      | unchanged      | — (information, not a failure)  |
 * | any            | disconnected (server)  | reconnecting   | retry after backoff, or fail    |
 * | any            | disconnected (ours)    | unchanged      | —                               |
 * | any            | upstream-failing       | unchanged      | — (an `upstream` problem shown) |
 * | any            | upstream-healed        | unchanged      | — (that problem cleared)        |
 * | any            | crashed                | failed         | — (the error is on its way)     |
 * | failed         | stopped                | failed         | — (the reason stays visible)    |
 * | other          | stopped                | idle           | —                               |
 *
 * A failure counts against `retryAttempts` and grows the backoff; the count starts again from 0 only
 * after a connection that stayed up for `healthyAfter` ms.
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
    giveUp: (attempt: number) => MarketProphitError | Error = () => error,
  ): Transition => {
    const transient = isTransient(policy.transient, error);
    const healthy = current.connectedAt !== undefined && now - current.connectedAt >= policy.healthyAfter;
    const attempt = (healthy ? 0 : current.failures) + 1;
    const retrying = transient && attempt <= policy.retryAttempts;
    const effect: LifecycleEffect = retrying ? retry(attempt) : { type: 'fail', error: giveUp(attempt) };
    const retryIn = effect.type === 'retry' || effect.type === 'new-token' ? effect.after : undefined;
    const problem: ConnectionProblem = {
      kind,
      message: describeReason(effect.type === 'fail' ? effect.error : error),
      error: effect.type === 'fail' ? effect.error : error,
      attempt,
      ...(retryIn === undefined ? {} : { retryIn }),
      at: now,
    };
    return {
      next: { state: retrying ? state : 'failed', failures: attempt, problem },
      effect,
      problem,
    };
  };
  const retryAfterBackoff = (attempt: number): LifecycleEffect => ({
    type: 'retry',
    after: policy.retryWait(attempt),
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
    case 'token-failed': {
      const state = current.state === 'connected' ? 'connected' : 'authenticating';
      return failure('token', event.error, state, retryAfterBackoff);
    }
    case 'socket-opening':
      return { next: event.rotating ? current : { ...current, state: 'connecting' }, effect: NONE };
    case 'connected':
      return { next: { state: 'connected', failures: current.failures, connectedAt: now }, effect: NONE };
    case 'connect-failed':
      return failure('connect', event.error, 'reconnecting', retryAfterBackoff);
    case 'handshake-refused':
      return failure(
        'handshake',
        // A refused handshake is worth a fresh token, whatever the server's words were.
        new TokenError(
          'rejected',
          `The server refused the token: ${describeReason(event.error)}`,
          undefined,
          {
            cause: event.error,
          },
        ),
        'authenticating',
        (attempt) => ({ type: 'new-token', after: policy.refusedTokenWait(attempt, policy) }),
        (attempt) =>
          new TokenError(
            'rejected',
            `The server refused ${attempt} tokens in a row: ${describeReason(event.error)}`,
            undefined,
            { cause: event.error },
          ),
      );
    case 'protocol-mismatch':
      // Not transient by default (policy.transient): `failed` at once.
      return failure('protocol', event.error, 'reconnecting', retryAfterBackoff);
    case 'protocol-switched':
      // Told once on `problems$` (attempt 0, retried at once with the other client); not counted.
      return {
        next: current,
        effect: NONE,
        problem: { kind: 'protocol', message: event.message, attempt: 0, retryIn: 0, at: now },
      };
    case 'disconnected': {
      if (event.reason === 'io client disconnect') return { next: current, effect: NONE };
      const error = new ConnectionError(
        'disconnected',
        event.reason === 'io server disconnect'
          ? 'The server closed the connection'
          : `The connection was lost (${event.reason})`,
      );
      return failure('disconnect', error, 'reconnecting', retryAfterBackoff);
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
    case 'crashed': {
      if (current.state === 'failed') return { next: current, effect: NONE };
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
