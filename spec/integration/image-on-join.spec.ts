import { performance } from 'node:perf_hooks';
import { firstValueFrom } from 'rxjs';
import { AAPL, CROWD } from './support';
import { harness, logged, next } from '../support/harness';
import { delay } from '../support/wait';

describe('image on join against the local server', () => {
  const h = harness({ interval: 2_000 });
  afterEach(() => h.cleanUp());

  it('on a 2 s upstream interval a late joiner gets its first event within 50 ms, with the latest timestamp', async () => {
    const server = await h.start();
    const client = h.client(server);
    const first = client.subscribe$(CROWD, AAPL);
    const seen: Date[] = [];
    h.track(first.subscribe((event) => seen.push(event.timestamp)));
    await next(first, 1, 5_000); // the first push (its own subscriber: the same server subscription)
    await delay(300); // well inside the 2 s until the next push

    const started = performance.now();
    const event = await firstValueFrom(client.subscribe$(CROWD, AAPL));
    const waited = performance.now() - started;

    expect(waited).toBeLessThan(50);
    expect(event.timestamp).toBe(seen.at(-1));
    expect(logged(server, 'subscribe')).toHaveLength(1); // no server round trip
  });
});
