import { startServer } from '../../lib/server';
import { AAPL, CROWD } from './support';
import { harness, logged, next } from '../support/harness';
import { delay, until } from '../support/wait';

describe('subscribing again while the lingering socket is down', () => {
  const h = harness();
  afterEach(() => h.cleanUp());

  // A drop while nobody is subscribed (the linger) ends the connection: no problem, no reconnect. A
  // subscribe after it starts afresh and waits for the server instead of timing out on a dead socket.
  it('ends a lingering connection that drops, and a new subscribe waits for the server', async () => {
    const first = await startServer({ port: 0, interval: 15 });
    const client = h.client(first, { linger: 1_000, ackTimeout: 300 });
    const states: string[] = [];
    const problems: string[] = [];
    h.track(client.state$.subscribe((state) => states.push(state)));
    h.track(client.problems$.subscribe((problem) => problems.push(problem.message)));
    await next(client.subscribe$(CROWD, AAPL));
    const closedAt = Date.now();
    await first.close(); // the lingering socket loses its transport
    await until('the lingering connection to end', () => states.at(-1) === 'idle', 900);
    expect(Date.now() - closedAt).toBeLessThan(900); // before the 1 s linger was over
    await delay(200);
    expect(states).toEqual(['idle', 'authenticating', 'connecting', 'connected', 'idle']);
    expect(problems).toEqual([]);

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
