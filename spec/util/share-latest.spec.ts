import { timer } from 'rxjs';
import { shareLatest } from '../../lib/util/share-latest';
import { createTestScheduler } from '../support/marbles';

describe('shareLatest', () => {
  it('subscribes once and hands a late subscriber the latest value, nothing before the first', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('--a--b--c--|');
      const shared = source.pipe(shareLatest(true));
      expectObservable(shared, '^---------!').toBe('--a--b--c--');
      expectObservable(shared, '-^--------!').toBe('--a--b--c--');
      expectObservable(shared, '----^-----!').toBe('----ab--c--');
      expectObservable(shared, '-------^--!').toBe('-------bc--');
      expectSubscriptions(source.subscriptions).toBe('^---------!');
    });
  });

  it('starts afresh after the last subscriber left (refCount) or the source errored', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-b-#');
      const shared = source.pipe(shareLatest(true));
      expectObservable(shared, '^--!').toBe('a-b');
      expectObservable(shared, '------^---').toBe('------a-b-#');
      expectObservable(shared, '------------^').toBe('------------a-b-#');
      expectSubscriptions(source.subscriptions).toBe(['^--!', '------^---!', '------------^---!']);
    });
  });

  it('keeps the source (and its latest value) while the reset notifier has not fired', () => {
    createTestScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a------------');
      const shared = source.pipe(shareLatest(() => timer(3)));
      expectObservable(shared, '^-!').toBe('a--');
      // back within 3 frames of the last one leaving: the same subscription, the latest value at once
      expectObservable(shared, '----^-!').toBe('----a--');
      // gone longer than that: a fresh subscription
      expectObservable(shared, '-----------^-!').toBe('-----------a--');
      // each time, the source is dropped 3 frames after the last subscriber left
      expectSubscriptions(source.subscriptions).toBe(['^--------!', '-----------^----!']);
    });
  });
});
