import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RelayStats } from '../../lib/relay';
import { DEFAULT_API_KEY, startServer, type LocalServer, type ServerOptions } from '../../lib/server';
import {
  forkRelayCluster,
  forkRelayNode,
  type RelayClusterOptions,
  type ServingProcess,
} from './child-process';
import { type Downstream, openDownstream } from './downstream';
import { type RedisProcess, startRedis } from './redis-server';
import { relayToken } from './relay-token';

/** A relay cluster of the specs: its own redis-server, a local server upstream, nodes as child processes. */
export interface RelayClusterFixture {
  /** Its redis-server; a spec that restarts it (an outage) puts the new one here, `stop()` ends that. */
  redis: RedisProcess;
  readonly upstream: LocalServer;
  readonly nodes: ServingProcess<RelayStats>[];
  /** Every socket `open` opened (disconnected by `stop()`). */
  readonly downstream: Downstream[];
  /** The cluster's options (its secret included), to fork one more node with `forkRelayNode`. */
  readonly options: RelayClusterOptions;
  /** A Redis client on the cluster's Redis, made on first use (disconnected by `stop()`). */
  commands(): Redis;
  /**
   * A raw socket on node `node`, subscribed to `ticker` of `path`, with `token` or else a relay token
   * of that node asked for it (disconnected by `stop()`).
   */
  open(node: number, path: string, ticker: string, token?: string): Promise<Downstream>;
  /** The params of every subscription the upstream holds, as JSON text (one entry per subscription). */
  upstreamTopics(): string[];
  /** Forks one more node of the cluster (stopped by `stop()` too). */
  addNode(): Promise<ServingProcess<RelayStats>>;
  /** Disconnects every socket, stops every node, the upstream and Redis. */
  stop(): Promise<void>;
}

/**
 * Starts a redis-server, a local server upstream (`server`: its options; the key is the default test
 * key) and `count` relay nodes on them (see `forkRelayCluster`).
 */
export const startRelayCluster = async (
  count: number,
  {
    server,
    ...cluster
  }: Omit<RelayClusterOptions, 'upstream' | 'redis'> & { readonly server: ServerOptions },
): Promise<RelayClusterFixture> => {
  const redis = await startRedis();
  let upstream: LocalServer | undefined;
  try {
    upstream = await startServer(server);
    const options: RelayClusterOptions = {
      ...cluster,
      upstream: { url: upstream.url, apiKey: DEFAULT_API_KEY },
      redis: redis.url,
      secret: cluster.secret ?? randomBytes(32).toString('hex'),
    };
    const nodes = await forkRelayCluster(count, options);
    let commands: Redis | undefined;
    const fixture: RelayClusterFixture = {
      redis,
      upstream,
      nodes,
      downstream: [],
      options,
      commands: () => (commands ??= new Redis(fixture.redis.url)),
      async open(node, path, ticker, token) {
        const url = nodes[node]?.url ?? '';
        const client = openDownstream(url, token ?? (await relayToken(url)), node, path, ticker);
        fixture.downstream.push(client);
        return client;
      },
      upstreamTopics: () => fixture.upstream.subscriptions().map((entry) => JSON.stringify(entry.params)),
      async addNode() {
        const node = await forkRelayNode(fixture.options);
        nodes.push(node);
        return node;
      },
      async stop() {
        for (const { socket } of fixture.downstream) socket.disconnect();
        await Promise.all(nodes.map((node) => node.stop()));
        commands?.disconnect();
        await upstream?.close();
        await fixture.redis.stop();
      },
    };
    return fixture;
  } catch (error) {
    await upstream?.close();
    await redis.stop();
    throw error;
  }
};
