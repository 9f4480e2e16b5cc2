import {
  type MonoTypeOperatorFunction,
  type Observable,
  BehaviorSubject,
  Observable as RxObservable,
  type Subject,
  filter,
  share,
  timer,
} from 'rxjs';
import { shareLatest } from '../../lib/util/share-latest';
import { createTestScheduler } from '../support/marbles';

// shareLatest is rxjs's share with a BehaviorSubject connector and a filter, written out: the same
// notifications, subscriptions and order of side effects, checked against the real thing.
const NOTHING = Symbol('nothing yet');
const reference =
  <T>(resetOnRefCountZero: boolean | (() => Observable<unknown>)): MonoTypeOperatorFunction<T> =>
  (source) =>
    source.pipe(
      share({
        connector: () => new BehaviorSubject<T | typeof NOTHING>(NOTHING) as unknown as Subject<T>,
        resetOnError: true,
        resetOnComplete: true,
        resetOnRefCountZero,
      }),
      filter((value: T | typeof NOTHING): value is T => value !== NOTHING),
    );

type Operator = <T>(reset: boolean | (() => Observable<unknown>)) => MonoTypeOperatorFunction<T>;
const both: [string, Operator][] = [
  ['shareLatest', shareLatest],
  ['share + filter', reference],
];

describe('shareLatest behaves as share({ connector: BehaviorSubject, resets }) + filter', () => {
  const scenarios: [string, string, boolean | 'timer', string[]][] = [
    [
      'values, then complete',
      '--a--b--c--|',
      true,
      ['^---------!', '-^--------!', '----^-----!', '-------^--!', '-------------^--'],
    ],
    ['an error, then fresh subscribers', 'a-b-#', true, ['^--!', '------^---', '------------^']],
    ['no reset at refCount 0', 'a-b-c------', false, ['^-!', '------^-!']],
    ['a reset notifier', 'a------------', 'timer', ['^-!', '----^-!', '-----------^-!']],
    ['a notifier, then complete', 'a-b--|', 'timer', ['^!', '---^---', '--------^-']],
  ];
  it.each(scenarios)('%s', (_name, sourceMarbles, reset, subscribers) => {
    const results = both.map(() => ({ outputs: [] as unknown[], subscriptions: [] as unknown[] }));
    both.forEach(([, operator], i) => {
      createTestScheduler().run(({ cold }) => {
        const source = cold(sourceMarbles);
        const shared = source.pipe(operator(reset === 'timer' ? () => timer(3) : reset));
        const record = results[i] as (typeof results)[number];
        subscribers.forEach((marbles) => {
          const start = marbles.indexOf('^');
          const end = marbles.indexOf('!');
          const log: string[] = [];
          record.outputs.push(log);
          timer(start).subscribe(() => {
            const subscription = shared.subscribe({
              next: (value) => log.push(`next ${String(value)}`),
              error: () => log.push('error'),
              complete: () => log.push('complete'),
            });
            if (end >= 0) timer(end - start).subscribe(() => subscription.unsubscribe());
          });
        });
        timer(100).subscribe(() => record.subscriptions.push(source.subscriptions));
      });
    });
    expect((results[0]?.outputs as string[][]).flat().length).toBeGreaterThan(0);
    expect(results[0]).toEqual(results[1]);
  });

  it('tears down in the same order when the reset notifier fires synchronously', () => {
    const run = (operator: Operator): string[] => {
      const log: string[] = [];
      const source = new RxObservable<number>((subscriber) => {
        log.push('source subscribed');
        subscriber.next(1);
        log.push(`source still open: ${String(!subscriber.closed)}`);
        return () => log.push('source torn down');
      });
      const notifier = () =>
        new RxObservable<void>((subscriber) => {
          log.push('notifier subscribed');
          subscriber.add(() => log.push('notifier torn down'));
          subscriber.next();
        });
      const shared = source.pipe(operator(notifier));
      const first = shared.subscribe((value) => log.push(`first ${value}`));
      first.unsubscribe();
      shared.subscribe((value) => log.push(`second ${value}`)).unsubscribe();
      return log;
    };
    expect(run(shareLatest)).toContain('notifier torn down');
    expect(run(shareLatest)).toEqual(run(reference));
  });

  it('connects once when a subscriber joins from inside a synchronous first value', () => {
    const run = (operator: Operator): string[] => {
      const log: string[] = [];
      const source = new RxObservable<number>((subscriber) => {
        log.push('source subscribed');
        subscriber.next(1);
        subscriber.next(2);
      });
      const shared = source.pipe(operator<number>(true));
      let joined = false;
      shared.subscribe((value) => {
        log.push(`first ${value}`);
        if (joined) return;
        joined = true;
        shared.subscribe((inner) => log.push(`second ${inner}`));
      });
      return log;
    };
    expect(run(shareLatest).filter((line) => line === 'source subscribed')).toHaveLength(1);
    expect(run(shareLatest)).toEqual(run(reference));
  });
});
