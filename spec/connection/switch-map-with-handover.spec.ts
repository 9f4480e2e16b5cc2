import { type Observable, NEVER, switchMap } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { switchMapWithHandover } from '../../lib/connection/switch-map-with-handover';
import { createTestScheduler } from '../support/marbles';

/** Modelled on rxjs's own switchMap spec: outer values, inner cold observables, subscription marbles. */
describe('switchMapWithHandover', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('switches to the newer inner once it has emitted (the older one delivers until then; switchMap drops it at once)', () => {
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const x = cold('a-b-c-d-e|');
      const y = cold('-f-g|');
      const outer = hot('-x---y------|');
      const inners: Record<string, Observable<string>> = { x, y };
      const handover = () => cold('(h|)');

      expectObservable(outer.pipe(switchMapWithHandover((key) => inners[key] ?? NEVER, handover))).toBe(
        '-a-b-cf-g---|',
      );
      expectObservable(outer.pipe(switchMap((key) => inners[key] ?? NEVER))).toBe('-a-b--f-g---|');
      expectSubscriptions(x.subscriptions).toBe(['-^----!', '-^---!']);
      expectSubscriptions(y.subscriptions).toBe(['-----^---!', '-----^---!']);
    });
  });

  it('keeps the older inner until the newer one has emitted and its handover has fired', () => {
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const x = cold('a-b-c-d-e-f-g');
      const y = cold('---h-i-j');
      const outer = hot('-x---y');
      const inners: Record<string, Observable<string>> = { x, y };
      const handover = () => cold('--(r|)'); // e.g. the new socket's subscriptions acknowledged

      expectObservable(
        outer.pipe(switchMapWithHandover((key) => inners[key] ?? NEVER, handover)),
        '^ 15ms !',
      ).toBe('-a-b-c-dhei-j');
      // y's first value at 8 starts the handover, which fires at 10: x is dropped then, not at 5.
      expectSubscriptions(x.subscriptions).toBe('-^--------!');
      expectSubscriptions(y.subscriptions).toBe('-----^----------!');
    });
  });

  it('never retires anything before the first inner emits: the first inner needs no handover', () => {
    testScheduler.run(({ cold, hot, expectObservable }) => {
      const x = cold('--a--b');
      const outer = hot('x');
      const handover = () => NEVER;
      expectObservable(outer.pipe(switchMapWithHandover(() => x, handover)), '^ 8ms !').toBe('--a--b');
    });
  });

  it('errors when any live inner errors, older ones included', () => {
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const x = cold('a---#');
      const y = cold('-----b');
      const outer = hot('x-y');
      const inners: Record<string, Observable<string>> = { x, y };

      expectObservable(
        outer.pipe(
          switchMapWithHandover(
            (key) => inners[key] ?? NEVER,
            () => NEVER,
          ),
        ),
      ).toBe('a---#');
      expectSubscriptions(y.subscriptions).toBe('--^-!');
    });
  });

  it('completes with the outer, unlike switchMap, which waits for the active inner', () => {
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const x = cold('a-b-c-d|');
      const outer = hot('x--|');

      // A socket per token never completes by itself: the outer ending (nobody wants tokens) ends it.
      expectObservable(
        outer.pipe(
          switchMapWithHandover(
            () => x,
            () => NEVER,
          ),
        ),
      ).toBe('a-b|');
      expectSubscriptions(x.subscriptions).toBe(['^--!', '^------!']);
      expectObservable(outer.pipe(switchMap(() => x))).toBe('a-b-c-d|');
    });
  });

  it('unsubscribes every live inner, and the pending handover, on unsubscribe', () => {
    testScheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const x = cold('a-b-c-d-e');
      const y = cold('-f-g-h');
      const h = cold('-----r');
      const outer = hot('x-y');
      const inners: Record<string, Observable<string>> = { x, y };

      expectObservable(
        outer.pipe(
          switchMapWithHandover(
            (key) => inners[key] ?? NEVER,
            () => h,
          ),
        ),
        '^-----!',
      ).toBe('a-bfcg');
      expectSubscriptions(x.subscriptions).toBe('^-----!');
      expectSubscriptions(y.subscriptions).toBe('--^---!');
      expectSubscriptions(h.subscriptions).toBe('---^--!');
    });
  });
});
