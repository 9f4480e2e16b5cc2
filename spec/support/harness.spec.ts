import type { ClientState } from '../../lib/lifecycle/client-state';
import { harness } from './harness';
import { until } from './wait';

describe('the shared spec harness', () => {
  it('cleanUp waits for every client to close its socket before it closes the servers', async () => {
    const h = harness({ linger: 100 });
    const server = await h.start();
    const client = h.client(server);
    const states: ClientState[] = [];
    const watching = client.state$.subscribe((state) => states.push(state)); // not tracked: it watches cleanUp
    h.track(client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }).subscribe());
    await until('the client to connect', () => states.includes('connected'));

    await h.cleanUp();

    // Had the servers gone first, the client would be reconnecting to nothing.
    expect(states.at(-1)).toBe('idle');
    expect(server.stats().sockets).toBe(0);
    watching.unsubscribe();
  });
});
