import { Redis } from 'ioredis';
import { relayToken } from '../support/relay-token';
import { describeWithRedis, startRedis } from '../support/redis-server';
import { type RelayClusterFixture, startRelayCluster } from '../support/relay-cluster';
import { delay, until } from '../support/wait';

const PATH = '/real-time/crowd-sentiment';
const TICKERS = ['AAPL', 'TSLA'];
const LEASE_TTL = 1500;
const OUTAGE = 4_000;
/** How long the cluster may take to settle after a change. */
const SETTLE = 10_000;

describeWithRedis('relay cluster through a Redis outage (2 nodes as child processes)', () => {
  let cluster: RelayClusterFixture;

  beforeAll(async () => {
    cluster = await startRelayCluster(2, { server: { interval: 50, logLimit: 10 }, leaseTtl: LEASE_TTL });
  }, 40_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 20_000);

  const receivedSince = (since: number) =>
    cluster.downstream.every((client) => client.arrivals.some((arrival) => arrival > since));

  it('loses no node, keeps serving, then has one owner per topic and delivers across nodes again', async () => {
    const tokens = await Promise.all(cluster.nodes.map(({ url }) => relayToken(url)));
    for (const [index, token] of tokens.entries()) {
      for (const ticker of TICKERS) await cluster.open(index, PATH, ticker, token);
    }
    const { downstream } = cluster;
    await until('data at every client', () => receivedSince(0), SETTLE);
    await until(
      'one upstream subscription per topic',
      () => cluster.upstream.stats().subscriptions === 2,
      SETTLE,
    );

    await cluster.redis.stop();
    const stoppedAt = Date.now();
    // Every node goes on serving its sockets from its own upstream connection.
    await until('data at every client during the outage', () => receivedSince(stoppedAt + 500), OUTAGE);
    await delay(Math.max(0, stoppedAt + OUTAGE - Date.now()));
    expect(cluster.nodes.map((node) => node.alive)).toEqual([true, true]);

    cluster.redis = await startRedis(cluster.redis.port);
    const restartedAt = Date.now();
    await until(
      'one upstream subscription per topic after the outage',
      () => cluster.upstream.stats().subscriptions === 2,
      SETTLE,
    );
    expect(new Set(cluster.upstreamTopics()).size).toBe(2);
    const settledAt = Date.now();
    await until('data at every client after the outage', () => receivedSince(settledAt + 200), SETTLE);

    // It stays settled: one lease holder per topic, one upstream subscription each, no duplicates.
    await delay(2 * LEASE_TTL);
    expect(cluster.upstream.stats().subscriptions).toBe(2);
    const commands = new Redis(cluster.redis.url);
    try {
      const holders = await Promise.all(
        TICKERS.map((ticker) => commands.get(`marketprophit-relay:lease:${PATH} {"ticker":"${ticker}"}`)),
      );
      for (const holder of holders) expect(cluster.nodes.map((node) => node.nodeId)).toContain(holder);
    } finally {
      commands.disconnect();
    }
    for (const client of downstream) {
      const after = client.timestamps.filter((_, index) => (client.arrivals[index] ?? 0) > restartedAt);
      expect(after.length).toBeGreaterThan(0);
      expect(new Set(after).size).toBe(after.length);
    }
    expect(cluster.nodes.map((node) => node.alive)).toEqual([true, true]);
    expect(downstream.flatMap((client) => client.misrouted)).toEqual([]);
  }, 60_000);
});
