import { map, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { createClient, type MarketProphitClient } from 'marketprophit-rx';
import { createFakeServer } from 'marketprophit-rx/testing';

// Your code: the latest crowd sentiment of a ticker, rounded for display.
const sentimentLabel$ = (client: MarketProphitClient, ticker: string): Observable<string> =>
  client
    .subscribe$('/real-time/crowd-sentiment', { ticker })
    .pipe(map(({ results }) => (results[0]?.crowd_sentiment ?? 0).toFixed(2)));

test('sentimentLabel$ rounds each update, and unsubscribes on teardown', () => {
  const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  testScheduler.run(({ hot, expectObservable, flush }) => {
    const server = createFakeServer();
    const client = createClient({ token: () => 'test-token', socket: server.socket });
    const ts = new Date('2026-11-25T10:00:00Z');
    // Publish from frame 1: at frame 0 the client has not subscribed yet (publish would throw).
    hot('-a--b', { a: 0.123, b: -0.5 }).subscribe((crowd_sentiment) =>
      server.publish('/real-time/crowd-sentiment', { ticker: 'AAPL' }, [
        { ts, ticker: 'AAPL', crowd_sentiment },
      ]),
    );

    expectObservable(sentimentLabel$(client, 'AAPL'), '^----!').toBe('-a--b', { a: '0.12', b: '-0.50' });
    flush();
    expect(server.subscriptions()).toEqual([]); // the client sent unsubscribe
  });
});
