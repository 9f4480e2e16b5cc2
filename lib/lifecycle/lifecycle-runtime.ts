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

/** The one place a client's lifecycle is kept: the wiring reports events and gets back what to do. */
export interface LifecycleRuntime {
  /** Applies `event` (see {@link transition}) and returns the effect the caller must carry out. */
  dispatch(event: LifecycleEvent): LifecycleEffect;
  readonly status$: Observable<ClientStatus>;
  readonly state$: Observable<ClientState>;
  readonly problems$: Observable<ConnectionProblem>;
  /**
   * Emits when the server refused the current token: how long to wait before fetching a fresh one,
   * in ms (0 the first time, then the backoff). The token stream does the waiting.
   */
  readonly tokenRefused$: Observable<number>;
  /** Completes every stream above (`client.close()`): the state they showed last stays the last. */
  close(): void;
}

const statusOf = ({ state, problem }: Lifecycle): ClientStatus =>
  problem === undefined || state === 'idle' || (state === 'connected' && problem.kind !== 'upstream')
    ? { state }
    : { state, problem };

export const createLifecycleRuntime = (
  policy: LifecyclePolicy,
  scheduler: SchedulerLike,
): LifecycleRuntime => {
  const lifecycle = new BehaviorSubject<Lifecycle>(initialLifecycle);
  const problems = new Subject<ConnectionProblem>();
  const refusals = new Subject<number>();

  const dispatch = (event: LifecycleEvent): LifecycleEffect => {
    const { next, effect, problem } = transition(policy, lifecycle.value, event, scheduler.now());
    lifecycle.next(next);
    if (problem !== undefined) problems.next(problem);
    if (effect.type === 'new-token') refusals.next(effect.after);
    return effect;
  };

  const status$ = lifecycle.pipe(
    map(statusOf),
    distinctUntilChanged((a, b) => a.state === b.state && a.problem === b.problem),
  );
  return {
    dispatch,
    status$,
    state$: lifecycle.pipe(
      map(({ state }) => state),
      distinctUntilChanged(),
    ),
    problems$: problems.asObservable(),
    tokenRefused$: refusals.asObservable(),
    close: () => {
      lifecycle.complete();
      problems.complete();
    },
  };
};
