// Image on join and the hot standby, with real processes: relay nodes as child processes on a real
// redis-server, a local server upstream, raw downstream sockets that record what came and when.
import type { Downstream } from '../support/downstream';
import { describeWithRedis } from '../support/redis-server';
import { type RelayClusterFixture, startRelayCluster } from '../support/relay-cluster';
import { delay, until } from '../support/wait';

const PATH = '/real-time/crowd-sentiment';
const LEASE_TTL = 1500;
const LEASE = `marketprophit-relay:lease:${PATH} {"ticker":"AAPL"}`;
/** How long the cluster may take to settle after a change. */
const SETTLE = 10_000;

/** From a socket's `subscribe` (sent as it connects) to its first event, in ms. */
const firstEventAfter = (client: Downstream): number =>
  (client.arrivals[0] ?? Infinity) - (client.connectedAt ?? -Infinity);

/** The longest time between two events a socket got from `from` (ms since epoch) on. */
const largestGap = (client: Downstream, from: number): number => {
  const arrivals = client.arrivals.filter((at) => at >= from);
  let gap = 0;
  for (let index = 1; index < arrivals.length; index += 1)
    gap = Math.max(gap, (arrivals[index] ?? 0) - (arrivals[index - 1] ?? 0));
  return gap;
};

/** Whether every timestamp is later than the one before (so: no duplicate, in order). */
const strictlyIncreasing = (timestamps: readonly string[]): boolean =>
  timestamps.every((timestamp, index) => index === 0 || timestamp > (timestamps[index - 1] ?? ''));

describeWithRedis('relay image on join (2 nodes, 2 s upstream interval)', () => {
  let cluster: RelayClusterFixture;
  const open = (node: number, ticker = 'AAPL') => cluster.open(node, PATH, ticker);
  const upstream = () => cluster.upstream;

  beforeAll(async () => {
    cluster = await startRelayCluster(2, { server: { interval: 2000, logLimit: 10 }, leaseTtl: LEASE_TTL });
  }, 40_000);

  afterAll(() => cluster?.stop(), 20_000);

  it('sends a late joiner the latest event at once, on the same node and on another, then every push once', async () => {
    const first = await open(0);
    await until('a first event', () => first.timestamps.length >= 1, 8_000);
    // Well between two pushes: whatever comes within 300 ms is the image, not the next push.
    await delay(300);
    const latest = first.timestamps.at(-1);
    const sameNode = await open(0);
    await until('the image on the same node', () => sameNode.timestamps.length >= 1, 1_500);
    const otherNode = await open(1);
    await until('the image on the other node', () => otherNode.timestamps.length >= 1, 1_500);
    expect(first.timestamps.at(-1)).toBe(latest);
    expect(firstEventAfter(sameNode)).toBeLessThanOrEqual(200);
    expect(firstEventAfter(otherNode)).toBeLessThanOrEqual(300);
    expect(sameNode.timestamps).toEqual([latest]);
    expect(otherNode.timestamps).toEqual([latest]);
    expect([sameNode.ackError, otherNode.ackError]).toEqual([null, null]);
    // Without `standby`: one upstream subscription for the topic in the cluster.
    expect(upstream().stats().subscriptions).toBe(1);

    // Then the next pushes, each once and in order: [image, next push, …].
    await until('two pushes after the image', () => otherNode.timestamps.length >= 3, 6_000);
    for (const client of [first, sameNode, otherNode]) {
      expect(strictlyIncreasing(client.timestamps)).toBe(true);
      const from = first.timestamps.indexOf(client.timestamps[0] ?? '');
      expect(client.timestamps.slice(0, 3)).toEqual(first.timestamps.slice(from, from + 3));
    }
    expect(cluster.downstream.flatMap((client) => [...client.misrouted, ...client.failures])).toEqual([]);
  }, 30_000);

  it('reads an image back from Redis as hostile: a garbled one is no image, and costs nothing else', async () => {
    const owner = await open(0, 'TSLA');
    await until('a first event', () => owner.timestamps.length >= 1, 8_000);
    const key = `marketprophit-relay:image:${PATH} {"ticker":"TSLA"}`;
    expect(await cluster.commands().pttl(key)).toBeGreaterThan(0);
    // Right after a push, so the owner does not write the image again before the joiner reads it.
    await cluster
      .commands()
      .set(
        key,
        JSON.stringify({ results: [{ ticker: 'EVIL', crowd_sentiment: 'x' }], timestamp: 'now' }),
        'KEEPTTL',
      );
    const joiner = await open(1, 'TSLA');
    await until('a push for the joiner', () => joiner.timestamps.length >= 1, 5_000);
    expect(joiner.ackError).toBe(null);
    expect(firstEventAfter(joiner)).toBeGreaterThan(300);
    expect(joiner.timestamps[0]).toBe(owner.timestamps.at(-1));
    expect([...joiner.misrouted, ...joiner.failures]).toEqual([]);
    expect(cluster.nodes.every((node) => node.alive)).toBe(true);
  }, 20_000);

  it('drops the image once nobody holds the topic upstream', async () => {
    const before = Date.now();
    for (const { socket } of cluster.downstream) socket.disconnect();
    await until('no upstream subscription', () => upstream().stats().subscriptions === 0, SETTLE);
    const joiner = await open(1);
    await until('a first event', () => joiner.timestamps.length >= 1, 5_000);
    // A fresh push from upstream, not an image of the topic's earlier life.
    expect(Date.parse(joiner.timestamps[0] ?? '')).toBeGreaterThan(before);
    expect(firstEventAfter(joiner)).toBeGreaterThan(0);
    expect(joiner.timestamps).toHaveLength(new Set(joiner.timestamps).size);
  }, 25_000);
});

describeWithRedis('relay hot standby (standby: 1, 200 ms upstream interval)', () => {
  let cluster: RelayClusterFixture;
  const open = (node: number) => cluster.open(node, PATH, 'AAPL');
  const upstream = () => cluster.upstream;

  beforeAll(async () => {
    cluster = await startRelayCluster(2, {
      server: { interval: 200, logLimit: 10 },
      leaseTtl: LEASE_TTL,
      standby: 1,
    });
  }, 40_000);

  afterAll(() => cluster?.stop(), 20_000);

  it('fails over a SIGKILLed owner with no gap and no duplicate, and takes a new standby on a third node', async () => {
    const onOwner = await open(0);
    await until('events on the owner', () => onOwner.timestamps.length >= 2, 8_000);
    const watcher = await open(1);
    await until(
      'two upstream subscriptions (owner and standby)',
      () => upstream().stats().subscriptions === 2,
      SETTLE,
    );
    const stats = await Promise.all(cluster.nodes.map((node) => node.stats()));
    expect(stats.map(({ ownedTopics, standbyTopics }) => [ownedTopics, standbyTopics])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    await delay(1_000);
    expect(await cluster.commands().get(LEASE)).toBe(cluster.nodes[0]?.nodeId);

    const killedAt = Date.now();
    await cluster.nodes[0]?.kill();
    await until(
      'the standby owns the topic',
      async () => (await cluster.commands().get(LEASE)) === cluster.nodes[1]?.nodeId,
      SETTLE,
    );
    await delay(1_000);
    expect(largestGap(watcher, killedAt - 1_000)).toBeLessThanOrEqual(450);
    expect(watcher.arrivals.filter((at) => at > killedAt).length).toBeGreaterThanOrEqual(5);
    expect(strictlyIncreasing(watcher.timestamps)).toBe(true);
    expect([...watcher.failures, ...watcher.misrouted]).toEqual([]);
    await until('one upstream subscription left', () => upstream().stats().subscriptions === 1, SETTLE);

    // A third node, whose clients want nothing, becomes the new standby.
    const third = await cluster.addNode();
    await until('two upstream subscriptions again', () => upstream().stats().subscriptions === 2, SETTLE);
    expect(await third.stats()).toMatchObject({ ownedTopics: 0, standbyTopics: 1, topics: 0 });
    expect(strictlyIncreasing(watcher.timestamps)).toBe(true);
  }, 60_000);
});
