import type { Subscription } from 'rxjs';
import { createClient } from '../../lib/client/create-client';
import { DEFAULT_API_KEY, startServer, type LocalServer } from '../../lib/server';
import { delay as sleep } from '../support/wait';

const PATH = '/real-time/market-prophit-sentiment';

describe('token rotation, make-before-break, over real sockets', () => {
  let server: LocalServer;
  let subscriptions: Subscription[];

  beforeEach(async () => {
    server = await startServer({ port: 0, interval: 10, logLimit: 100 });
    subscriptions = [];
  });
  afterEach(async () => {
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    await server.close();
  });

  it('loses and repeats nothing while the token rotates every 300 ms for 5 s', async () => {
    const sent = new Map<string, Set<string>>(); // timestamp → sockets it was sent on
    const sockets = new Set<string>();
    let mostSocketsAtOnce = 0;
    subscriptions.push(
      server.events$.subscribe((entry) => {
        if (entry.type === 'connect') sockets.add(entry.socketId);
        if (entry.type === 'disconnect') sockets.delete(entry.socketId);
        mostSocketsAtOnce = Math.max(mostSocketsAtOnce, sockets.size);
        if (entry.type === 'sent' && entry.path === PATH) {
          sent.set(entry.timestamp, (sent.get(entry.timestamp) ?? new Set()).add(entry.socketId));
        }
      }),
    );
    // acks come late, so the server sends a few ticks on both sockets before the old one closes
    server.setAckMode({ delay: 40 });
    const client = createClient({ url: server.url, apiKey: DEFAULT_API_KEY, refreshEvery: 300, linger: 0 });
    const received: string[] = [];
    subscriptions.push(
      client.subscribe$(PATH, { ticker: 'AAPL' }).subscribe({
        next: (event) => received.push(event.timestamp.toISOString()),
        error: (error: unknown) => received.push(`error: ${String(error)}`),
      }),
    );

    await sleep(5_000);
    subscriptions.forEach((subscription) => subscription.unsubscribe());

    const first = received[0] ?? '';
    const last = received[received.length - 1] ?? '';
    const expected = [...sent.keys()].filter((timestamp) => timestamp >= first && timestamp <= last).sort();
    const overlap = [...sent.values()].filter((on) => on.size > 1).length;

    expect(server.stats().tokenRequests).toBeGreaterThanOrEqual(15);
    expect(overlap).toBeGreaterThanOrEqual(15 * 2); // events really were sent on two sockets at once
    expect(mostSocketsAtOnce).toBe(2);
    expect(received.length).toBeGreaterThan(300);
    expect(new Set(received).size).toBe(received.length); // zero duplicates
    expect(received).toEqual(expected); // zero lost, in order
  }, 15_000);
});
