import { firstValueFrom, map, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { createClient } from 'marketprophit-rx';
import { DEFAULT_API_KEY, startServer } from 'marketprophit-rx/server';
import { crowdSentimentWithBackfill, withBackfill } from '../../examples/live-with-backfill';

const at = (ms: number) => ({ ts: new Date(ms) });

describe('withBackfill', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('emits history, then the live records newer than it, including those that came during the fetch', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const history = cold('----(h|)', { h: [at(1), at(2), at(3)] });
      const live = cold('--a-------b---c', { a: [at(3)], b: [at(4), at(5)], c: [at(6)] });

      expectObservable(withBackfill(history, live).pipe(map((record) => record.ts.getTime()))).toBe(
        '----(abc)-(de)f',
        { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 },
      );
      expectSubscriptions(live.subscriptions).toBe('^');
      expectSubscriptions(history.subscriptions).toBe('^---!');
    });
  });

  it('against the local server: ten minutes of history, then live, with no ts twice and in order', async () => {
    const server = await startServer({ interval: 20 });
    try {
      const client = createClient({ url: server.url, apiKey: DEFAULT_API_KEY, linger: 0 });
      const records = await firstValueFrom(
        crowdSentimentWithBackfill(client, 'AAPL', 10).pipe(take(20), toArray()),
      );
      const times = records.map((record) => record.ts.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(new Set(times).size).toBe(times.length);
      expect(
        records.filter((record) => record.ts.getSeconds() === 0 && record.ts.getMilliseconds() === 0).length,
      ).toBeGreaterThanOrEqual(9);
      expect(
        records.every((record) => record.ticker === 'AAPL' && Number.isFinite(record.crowd_sentiment)),
      ).toBe(true);
    } finally {
      await server.close();
    }
  });
});
