import {
  type Observable,
  type SchedulerLike,
  BehaviorSubject,
  Subject,
  distinctUntilChanged,
  map,
} from 'rxjs';
import type { ClientState, ClientStatus, ConnectionProblem } from './client-state';
import type { LifecyclePolicy } from './policy';
import {
  type Lifecycle,
  type LifecycleEffect,
  type LifecycleEvent,
  initialLifecycle,
  transition,
} from './transition';

/** The hands that carry out effects of the types `T`, one per type, each given its effect. */
type Hands<T extends LifecycleEffect['type']> = {
  readonly [Type in T]: (effect: Extract<LifecycleEffect, { type: Type }>) => void;
};

/** What the token stream can do, while it runs: fetch a token (now, or later), or end `token$`. */
export type TokenHands = Hands<'fetch-token' | 'new-token' | 'fail'>;

/** What the connection stream can do, while it runs: sockets are known by their number. */
export type ConnectionHands = Hands<
  | 'connect-deadline'
  | 'reconnect'
  | 'connect'
  | 'handover-deadline'
  | 'close-previous'
  | 'linger'
  | 'stop'
  | 'fail'
>;

/** The one place a client's lifecycle is kept: the wiring reports events, the runtime carries out the answer. */
export interface LifecycleRuntime {
  /**
   * Applies `event` (see {@link transition}) and carries out the effect it gives, through the hands
   * of the stream it concerns; returns that effect.
   */
  dispatch(event: LifecycleEvent): LifecycleEffect;
  /** The token stream's hands, while it runs: returns the detach. */
  attachToken(hands: TokenHands): () => void;
  /** The connection stream's hands, while it runs: returns the detach. */
  attachConnection(hands: ConnectionHands): () => void;
  readonly status$: Observable<ClientStatus>;
  readonly state$: Observable<ClientState>;
  readonly problems$: Observable<ConnectionProblem>;
  /** Completes every stream above (`client.close()`): the state they showed last stays the last. */
  close(): void;
}

const statusOf = ({ state, problem }: Lifecycle): ClientStatus =>
  problem === undefined || state === 'idle' || (state === 'connected' && problem.kind !== 'upstream')
    ? { state }
    : { state, problem };

/** A stream's hands while it is attached; none otherwise (its effects then concern nobody). */
const attach = <T>(slot: { current?: T }, hands: T): (() => void) => {
  slot.current = hands;
  return () => {
    if (slot.current === hands) slot.current = undefined;
  };
};

export const createLifecycleRuntime = (
  policy: LifecyclePolicy,
  scheduler: SchedulerLike,
): LifecycleRuntime => {
  const lifecycle = new BehaviorSubject<Lifecycle>(initialLifecycle);
  const problems = new Subject<ConnectionProblem>();
  const token: { current?: TokenHands } = {};
  const connection: { current?: ConnectionHands } = {};

  /** Every effect of the lifecycle is carried out here, and only here. */
  const carryOut = (effect: LifecycleEffect): void => {
    switch (effect.type) {
      case 'none':
        return;
      case 'fetch-token':
      case 'new-token':
        return token.current?.[effect.type](effect as never);
      case 'connect-deadline':
      case 'reconnect':
      case 'connect':
      case 'handover-deadline':
      case 'close-previous':
      case 'linger':
      case 'stop':
        return connection.current?.[effect.type](effect as never);
      case 'fail':
        return (effect.stream === 'token' ? token : connection).current?.fail(effect);
      default:
        // Every effect has its case: a new one does not compile until it is carried out.
        return effect satisfies never;
    }
  };

  const dispatch = (event: LifecycleEvent): LifecycleEffect => {
    const { next, effect, problem } = transition(policy, lifecycle.value, event, scheduler.now());
    lifecycle.next(next);
    if (problem !== undefined) problems.next(problem);
    carryOut(effect);
    return effect;
  };

  const status$ = lifecycle.pipe(
    map(statusOf),
    distinctUntilChanged((a, b) => a.state === b.state && a.problem === b.problem),
  );
  return {
    dispatch,
    attachToken: (hands) => attach(token, hands),
    attachConnection: (hands) => attach(connection, hands),
    status$,
    state$: lifecycle.pipe(
      map(({ state }) => state),
      distinctUntilChanged(),
    ),
    problems$: problems.asObservable(),
    close: () => {
      lifecycle.complete();
      problems.complete();
    },
  };
};
