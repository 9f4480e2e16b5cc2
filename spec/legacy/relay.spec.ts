import type { Subscription } from 'rxjs';
import { createClient, type MarketProphitClient } from '../../lib/client/create-client';
import type { RelayStats } from '../../lib/relay';
import { type Relay, startRelay } from '../../lib/relay/start-relay';
import { proxyToken } from '../../lib/token/proxy-token';
import { forkRelayCluster, type ServingProcess } from '../support/child-process';
import { describeWithRedis, type RedisProcess, startRedis } from '../support/redis-server';
import { delay, until } from '../support/wait';
import { type LegacyServer, startLegacyServer } from './legacy-server';

const VOLUME = '/real-time/tweet-volume';

/** A v4 library client of a relay node: tokens from the relay's own `/jwt`. */
const downstreamOf = (url: string): MarketProphitClient =>
  createClient({ url, token: proxyToken(`${url}/jwt`), linger: 20, retryWait: () => 100 });

const record = (client: MarketProphitClient, ticker: string, subscriptions: Subscription[]) => {
  const seen = { events: 0, error: undefined as unknown };
  subscriptions.push(
    client.subscribe$(VOLUME, { ticker }).subscribe({
      next: (event) => {
        if (event.results[0]?.ticker === ticker) seen.events += 1;
      },
      error: (error: unknown) => (seen.error = error),
    }),
  );
  return seen;
};

const resumes = async (seen: { events: number; error: unknown }, ms = 8_000) => {
  const before = seen.events;
  await until('data to resume downstream', () => seen.events >= before + 3, ms);
  expect(seen.error).toBeUndefined();
};

describe('a relay whose upstream is socket.io 1.7.4 (no socket option anywhere)', () => {
  let server: LegacyServer;
  let relay: Relay;
  let subscriptions: Subscription[];

  beforeEach(async () => {
    server = await startLegacyServer({ generation: 1 });
    server.valid.add('token-1');
    relay = await startRelay({
      upstream: { url: server.url, token: () => 'token-1', retryWait: () => 100 },
      linger: 50,
    });
    subscriptions = [];
  });
  afterEach(async () => {
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    await delay(50);
    await relay.close();
    await server.close();
  });

  it('serves a v4 library client downstream, with one upstream subscription', async () => {
    const seen = record(downstreamOf(relay.url), 'AAPL', subscriptions);
    await until('data downstream', () => seen.events >= 3, 8_000);

    expect(seen.error).toBeUndefined();
    expect(server.subscribes.map(({ options }) => options)).toEqual([
      { path: VOLUME, params: { ticker: 'AAPL' } },
    ]);
    expect(server.handshakes.at(-1)).toMatchObject({ eio: '3', accepted: true });
  });

  it('after upstream kicks the relay: re-subscribes upstream, and the downstream client carries on', async () => {
    const seen = record(downstreamOf(relay.url), 'AAPL', subscriptions);
    await until('data downstream', () => seen.events > 0, 8_000);

    server.hangUp();
    await until('a second upstream subscribe', () => server.subscribes.length >= 2, 8_000);
    await resumes(seen);
  });

  it('after an upstream restart on the same port: data flows downstream again', async () => {
    const seen = record(downstreamOf(relay.url), 'AAPL', subscriptions);
    await until('data downstream', () => seen.events > 0, 8_000);
    const { port } = new URL(server.url);

    await server.close();
    server = await startLegacyServer({ generation: 1, port: Number(port) });
    server.valid.add('token-1');
    await until('an upstream subscribe on the new server', () => server.subscribes.length >= 1, 10_000);
    await resumes(seen, 10_000);
  });
});

describeWithRedis('a 2-node relay cluster on Redis whose upstream is socket.io 1.7.4', () => {
  let redis: RedisProcess;
  let server: LegacyServer;
  let nodes: ServingProcess<RelayStats>[];
  const subscriptions: Subscription[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    server = await startLegacyServer({ generation: 1 });
    // Each node fetches its upstream tokens from the server's POST /jwt: token-1, token-2, …
    for (let index = 1; index <= 20; index += 1) server.valid.add(`token-${index}`);
    nodes = await forkRelayCluster(2, {
      upstream: { url: server.url, apiKey: 'sk_test_legacy' },
      redis: redis.url,
      leaseTtl: 1_500,
    });
  }, 40_000);

  afterAll(async () => {
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    await Promise.all((nodes ?? []).map((node) => node.stop()));
    await server?.close();
    await redis?.stop();
  }, 20_000);

  it('serves v4 clients on both nodes with one upstream subscription per topic, and after a kick', async () => {
    const [first, second] = nodes;
    const seen = [first, second].flatMap((node) =>
      ['AAPL', 'TSLA'].map((ticker) => record(downstreamOf(node?.url ?? ''), ticker, subscriptions)),
    );
    await until('data at every downstream client', () => seen.every(({ events }) => events >= 2), 15_000);
    seen.forEach(({ error }) => expect(error).toBeUndefined());
    const topics = server.subscribes.map(({ options }) => JSON.stringify(options.params)).sort();
    expect(topics).toEqual(['{"ticker":"AAPL"}', '{"ticker":"TSLA"}']);
    expect(server.handshakes.every(({ eio, accepted }) => eio === '4' || (eio === '3' && accepted))).toBe(
      true,
    );

    server.hangUp();
    await until('both topics subscribed upstream again', () => server.subscribes.length >= 4, 15_000);
    for (const client of seen) await resumes(client, 15_000);
  }, 60_000);
});
