import { AAPL, CROWD } from './support';
import { harness, logged } from '../support/harness';
import { until } from '../support/wait';

describe('token rotation over a real socket', () => {
  const h = harness();
  afterEach(() => h.cleanUp());

  it('moves to a new socket with each fresh token, closes the old one, and data keeps flowing', async () => {
    const server = await h.start();
    const client = h.client(server, { refreshEvery: 300 });
    const events: { timestamp: Date }[] = [];
    let failure: unknown;
    h.track(
      client
        .subscribe$(CROWD, AAPL)
        .subscribe({ next: (event) => events.push(event), error: (e) => (failure = e) }),
    );

    await until('two rotations', () => logged(server, 'connect').length >= 3, 3_000);
    const connects = logged(server, 'connect');
    const latest = connects[connects.length - 1];
    await until('data on the latest socket', () =>
      logged(server, 'sent').some((entry) => entry.socketId === latest?.socketId),
    );
    await until('the old sockets to close', () => server.stats().sockets === 1, 1_000);

    expect(failure).toBeUndefined();
    expect(new Set(connects.map((entry) => entry.token)).size).toBe(connects.length);
    expect(server.stats().tokenRequests).toBeGreaterThanOrEqual(3);
    // Each socket subscribed once; the server holds one subscription, on the latest socket.
    expect(logged(server, 'subscribe').map((entry) => entry.socketId)).toEqual(
      connects.map((entry) => entry.socketId),
    );
    expect(server.subscriptions()).toHaveLength(1);
    const lastSent = logged(server, 'sent').at(-1);
    await until('the client to get data sent on the latest socket', () =>
      events.some((event) => event.timestamp.toISOString() === lastSent?.timestamp),
    );
  });
});
