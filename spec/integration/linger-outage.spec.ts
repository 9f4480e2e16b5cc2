import { startServer } from '../../lib/server';
import { AAPL, CROWD } from './support';
import { harness, logged, next } from '../support/harness';
import { delay, until } from '../support/wait';

describe('subscribing again while the lingering socket is down', () => {
  const h = harness();
  afterEach(() => h.cleanUp());

  // During `linger`, connection$ replays the socket that has since dropped: the hub must not start a
  // session on it (its `subscribe` would go into socket.io's offline buffer and its ack timer run).
  it('waits for the reconnect instead of timing out the subscribe sent to a dead socket', async () => {
    const first = await startServer({ port: 0, interval: 15 });
    const client = h.client(first, { linger: 1_000, ackTimeout: 300 });
    const states: string[] = [];
    h.track(client.state$.subscribe((state) => states.push(state)));
    await next(client.subscribe$(CROWD, AAPL));
    await first.close(); // the lingering socket loses its transport; socket.io retries after ~1 s
    await until('the client to see the drop', () => states.at(-1) === 'reconnecting', 1_000);

    const seen = { events: 0, error: undefined as unknown };
    h.track(
      client
        .subscribe$(CROWD, AAPL)
        .subscribe({ next: () => (seen.events += 1), error: (e) => (seen.error = e) }),
    );
    await delay(500);
    const second = await h.start({ port: first.port, secret: first.secret });
    await until(
      'data after the restart, or an error',
      () => seen.events > 0 || seen.error !== undefined,
      4_000,
    );

    expect(seen.error).toBeUndefined();
    expect(logged(second, 'subscribe').length).toBeGreaterThanOrEqual(1);
  });
});
