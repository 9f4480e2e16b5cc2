import type { Subscription } from 'rxjs';
import type { MarketProphitClient } from '../../lib/client/create-client';
import type { LocalServer } from '../../lib/server';
import { BUZZ, CROWD, MP, TICKERS, VOLUME, harness, record, seededRandom } from './support';
import { delay, until } from '../support/wait';

const PATHS = [CROWD, VOLUME, BUZZ, MP] as const;
const KEYS = PATHS.flatMap((path) => TICKERS.map((ticker) => ({ path, ticker })));
const SEED = Number(process.env['FAULT_SEED'] ?? 20_240_601);

const keyOf = (path: string, params: unknown): string => {
  const { ticker } = params as { ticker?: unknown };
  return `${path} ${String(ticker)}`;
};

/**
 * `operations` random subscribe/unsubscribe calls, in synchronous bursts of 1–150 separated by pauses
 * of 0–12 ms; `between(round)` runs at each pause. Returns the keys still held and the errors seen.
 */
const toggle = async (
  h: ReturnType<typeof harness>,
  client: MarketProphitClient,
  random: () => number,
  operations: number,
  between: (round: number) => void = () => undefined,
) => {
  const held = KEYS.map(() => [] as Subscription[]);
  const errors: unknown[] = [];
  const operate = () => {
    const index = Math.floor(random() * KEYS.length);
    const key = KEYS[index];
    const holders = held[index];
    if (key === undefined || holders === undefined) return;
    // a random walk over 0, 1 and 2 local holders, so the server side is toggled again and again
    if (holders.length === 0 || (holders.length === 1 && random() < 0.5)) {
      const subscription = client.subscribe$(key.path, { ticker: key.ticker }).subscribe({
        error: (error: unknown) => errors.push(error),
      });
      holders.push(h.track(subscription));
    } else {
      holders.splice(Math.floor(random() * holders.length), 1)[0]?.unsubscribe();
    }
  };
  for (let done = 0, round = 0; done < operations; round += 1) {
    const burst = 1 + Math.floor(random() * 150);
    for (let step = 0; step < burst && done < operations; step += 1, done += 1) operate();
    between(round);
    await delay(Math.floor(random() * 13));
  }
  const wanted = KEYS.filter((_, index) => (held[index]?.length ?? 0) > 0)
    .map(({ path, ticker }) => `${path} ${ticker}`)
    .sort();
  const release = () => held.forEach((holders) => holders.splice(0).forEach((s) => s.unsubscribe()));
  return { wanted, errors, release };
};

/** The server's subscriptions as sorted `path ticker` keys. */
const onServer = (server: LocalServer) =>
  server
    .subscriptions()
    .map(({ path, params }) => keyOf(path, params))
    .sort();

const settle = async (server: LocalServer, wanted: readonly string[]) => {
  await until('the server to settle on the wanted set', () => {
    return JSON.stringify(onServer(server)) === JSON.stringify(wanted);
  });
  await delay(100); // nothing still in flight changes it afterwards
  expect(onServer(server)).toEqual(wanted);
  expect(new Set(server.subscriptions().map(({ socketId }) => socketId)).size).toBe(1);
};

/**
 * The client's reconciliation under churn, not the server's rate limit: on a quiet machine the bursts
 * exceed the local server's default 1,000 calls per second per socket, which would refuse some of them.
 */
const UNLIMITED_CALLS = { maxCallsPerSecond: 1_000_000 };

describe(`thousands of rapid subscribe/unsubscribe toggles (seed ${SEED})`, () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanUp());

  it(`3,000 operations over ${KEYS.length} keys: the server ends with exactly the wanted set`, async () => {
    const server = await h.start({ interval: 20, ...UNLIMITED_CALLS });
    const subscribes = record(server, 'subscribe');
    const unsubscribes = record(server, 'unsubscribe');
    h.track(subscribes.subscription);
    h.track(unsubscribes.subscription);
    const client = h.client(server.url);

    const { wanted, errors, release } = await toggle(h, client, seededRandom(SEED), 3_000);
    await settle(server, wanted);

    expect(errors).toEqual([]);
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.length).toBeLessThan(KEYS.length);
    // the server side really was toggled hundreds of times, every request accepted
    expect(subscribes.entries.length).toBeGreaterThan(300);
    expect(unsubscribes.entries.length).toBeGreaterThan(300);
    expect(subscribes.entries.length - unsubscribes.entries.length).toBe(wanted.length);
    expect([...subscribes.entries, ...unsubscribes.entries].every((entry) => entry.error === null)).toBe(
      true,
    );
    expect(h.sockets).toHaveLength(1);
    expect(server.stats()).toMatchObject({ sockets: 1, tokenRequests: 1 });

    release();
    await until('the server to have no subscription left', () => server.stats().subscriptions === 0);
    await h.release();
  });

  it('1,500 operations while the transport drops every few rounds: the wanted set is restored', async () => {
    const server = await h.start({ interval: 20, ...UNLIMITED_CALLS });
    const connects = record(server, 'connect');
    h.track(connects.subscription);
    const client = h.client(server.url, {}, { reconnectionDelay: 20, reconnectionDelayMax: 50 });

    const { wanted, errors, release } = await toggle(h, client, seededRandom(SEED + 1), 1_500, (round) => {
      if (round % 4 === 3) server.dropAllSockets();
    });
    await settle(server, wanted);

    expect(errors).toEqual([]);
    expect(wanted.length).toBeGreaterThan(0);
    expect(connects.entries.length).toBeGreaterThan(2); // it did reconnect, more than once
    expect(server.stats()).toMatchObject({ sockets: 1, tokenRequests: 1 });

    release();
    await until('the server to have no subscription left', () => server.stats().subscriptions === 0);
    await h.release();
  });
});
