import { createClient, isSubscribeError, proxyToken } from '../../lib';
import { DEFAULT_API_KEY } from '../../lib/server';
import { relayToken } from '../support/relay-token';
import { describeWithRedis } from '../support/redis-server';
import { type RelayClusterFixture, startRelayCluster } from '../support/relay-cluster';
import { until } from '../support/wait';

const PATH = '/real-time/crowd-sentiment';
const TICKERS = ['AAPL', 'TSLA', 'MSFT', 'AMZN', '6E_F', 'NVDA', 'META', 'GOOG', 'NFLX', 'AMD'];
const LEASE_TTL = 1500;
/** Failover bound: the lease TTL, a renewal round (a quarter TTL), a subscribe round trip and slack. */
const FAILOVER_BOUND = LEASE_TTL + LEASE_TTL / 4 + 2000;

/** How long the cluster may take to settle after a change. */
const SETTLE = 8_000;

describeWithRedis('relay cluster on Redis (3 nodes as child processes)', () => {
  let cluster: RelayClusterFixture;

  beforeAll(async () => {
    // The key may stream PATH only: other paths are refused upstream, which the last test needs.
    cluster = await startRelayCluster(3, {
      server: { interval: 50, logLimit: 10, apiKeys: { [DEFAULT_API_KEY]: { paths: [PATH] } } },
      leaseTtl: LEASE_TTL,
    });
  }, 40_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 20_000);

  it('serves 60 clients over 10 topics with 10 upstream subscriptions, fails over a killed owner, and lets go', async () => {
    // 60 clients, each topic on each node twice.
    const tokens = await Promise.all(cluster.nodes.map(({ url }) => relayToken(url)));
    for (let index = 0; index < 60; index += 1) {
      const node = Math.floor(index / 10) % 3;
      const ticker = TICKERS[index % 10] ?? 'AAPL';
      await cluster.open(node, PATH, ticker, tokens[node] ?? '');
    }
    const { downstream } = cluster;
    await until(
      'data at every client',
      () => downstream.every((client) => client.timestamps.length >= 2),
      SETTLE,
    );
    expect(cluster.upstream.stats().subscriptions).toBe(10);
    expect(new Set(cluster.upstreamTopics()).size).toBe(10);

    // SIGKILL the node that holds AAPL's lease.
    const owner = await cluster.commands().get(`marketprophit-relay:lease:${PATH} {"ticker":"AAPL"}`);
    const victim = cluster.nodes.findIndex((node) => node.nodeId === owner);
    expect(victim).toBeGreaterThanOrEqual(0);
    const others = downstream.filter((client) => client.ticker === 'AAPL' && client.node !== victim);
    expect(others.length).toBe(4);
    const killedAt = Date.now();
    await cluster.nodes[victim]?.kill();

    const failover = await until(
      'AAPL data again on the other nodes',
      () => others.every((client) => (client.arrivals.at(-1) ?? 0) > killedAt + 200),
      FAILOVER_BOUND + 2000,
    );
    expect(failover).toBeLessThanOrEqual(FAILOVER_BOUND);
    await until(
      'one upstream subscription per topic again',
      () => cluster.upstream.stats().subscriptions === 10,
      SETTLE,
    );
    expect(cluster.upstreamTopics().filter((params) => params === '{"ticker":"AAPL"}')).toHaveLength(1);
    // A gap, never a duplicate.
    for (const client of others) expect(new Set(client.timestamps).size).toBe(client.timestamps.length);

    expect(downstream.flatMap((client) => client.misrouted)).toEqual([]);
    for (const { socket } of downstream) socket.disconnect();
    await until(
      'no upstream subscription once every client left',
      () => cluster.upstream.stats().subscriptions === 0,
      SETTLE,
    );
  }, 45_000);

  it('brings an upstream refusal to the subscribers on every node as their ack error', async () => {
    const alive = cluster.nodes.filter((node) => node.alive);
    expect(alive.length).toBeGreaterThanOrEqual(2);
    const refusals = await Promise.all(
      alive.map(async ({ url }) => {
        const client = createClient({ url, token: proxyToken(`${url}/jwt`), linger: 0 });
        const error: unknown = await new Promise((resolve) => {
          const bound = setTimeout(
            () => (subscription.unsubscribe(), resolve('no refusal within 15 s')),
            15_000,
          );
          const subscription = client.subscribe$('/real-time/tweet-buzz', {}).subscribe({
            error: (error: unknown) => (clearTimeout(bound), resolve(error)),
          });
        });
        return isSubscribeError(error) && error.code === 'rejected' ? 'rejected' : String(error);
      }),
    );
    expect(refusals).toEqual(alive.map(() => 'rejected'));
  }, 25_000);
});
