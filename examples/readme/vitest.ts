// docs/testing.md, the Vitest setup: the marble test of that guide as a Vitest spec.
// snippet:start vitest
// sentiment.test.ts (npm i -D vitest): no config needed; `expect` and `test` come from vitest
import { expect, test } from 'vitest';
import { TestScheduler } from 'rxjs/testing';
import { createClient } from 'marketprophit-rx';
import { createFakeServer } from 'marketprophit-rx/testing';

test('the client unsubscribes on teardown', () => {
  const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  testScheduler.run(({ expectObservable, flush }) => {
    const server = createFakeServer();
    const client = createClient({ token: () => 'test-token', socket: server.socket });
    expectObservable(client.subscribe$('/real-time/crowd-sentiment'), '^--!').toBe('');
    flush();
    expect(server.subscriptions()).toEqual([]);
  });
});
// snippet:end vitest
