import { TestScheduler } from 'rxjs/testing';
import { createClient } from 'marketprophit-rx';
import { createFakeServer } from 'marketprophit-rx/testing';
import { sentimentLabel$ } from '../../examples/marble-test.example';

// The README's "Testing your code" section, as it stands there.
describe('sentimentLabel$ (a user-side marble test)', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('labels each update, subscribing once and unsubscribing on teardown', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const server = createFakeServer();
      const client = createClient({ token: () => 'test-token', socket: server.socket });
      const record = (value: string) => [
        { ts: '2026-11-25T10:00:00Z', ticker: 'AAPL', crowd_sentiment: value },
      ];
      hot('-a--b').subscribe((value) =>
        server.publish(
          '/real-time/crowd-sentiment',
          { ticker: 'AAPL' },
          record(value === 'a' ? '0.123' : '-0.5'),
        ),
      );

      expectObservable(sentimentLabel$(client, 'AAPL'), '^---!').toBe('-a--', { a: '0.12' });
      testScheduler.flush();
      expect(server.subscriptions()).toEqual([]);
    });
  });
});
