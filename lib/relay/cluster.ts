import type { Redis } from 'ioredis';
import type { IoServer } from '../server/socket-types';
import type { Publish, Source } from '../server/source';
import type { Topic } from '../server/subscription-request';
import type { UpstreamSource } from './upstream-source';

/** Renews the lease only while this node holds it. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
/** Deletes the lease only while this node holds it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Events between the nodes, through the socket.io Redis adapter's `serverSideEmit`. */
export const DATA_EVENT = 'marketprophit-relay:data';
const RELEASED_EVENT = 'marketprophit-relay:released';

export interface ClusterDeps {
  readonly redis: Redis;
  readonly io: IoServer;
  readonly nodeId: string;
  readonly upstream: UpstreamSource;
  readonly leaseTtl: number;
  readonly prefix: string;
  readonly onProblem: (topic: string, error: unknown) => void;
  /**
   * Upstream refused a topic this node took over in a round: its sockets were acked long ago, so the
   * relay hangs up on them (their re-subscription gets the refusal, which upstream source remembers).
   */
  readonly onRefused: (topic: Topic, message: string) => void;
}

export interface ClusterSource extends Source {
  /** Topics whose lease this node holds. */
  readonly owned: number;
  /** Releases every lease this node holds (so others take over at once) and stops renewing. */
  dispose(): Promise<void>;
}

/**
 * Sends a publication to this node's sockets and, through the adapter, to every other node's (which
 * each send it to their own sockets).
 */
export const clusterPublish =
  (io: IoServer, local: Publish): Publish =>
  (topicKey, results, timestamp) => {
    local(topicKey, results, timestamp);
    io.serverSideEmit(DATA_EVENT, topicKey, results, timestamp);
  };

/**
 * One upstream subscription per topic per cluster. A topic that sockets on this node want is served
 * upstream by the node holding its lease (a Redis key with a TTL, renewed by its holder every quarter
 * TTL); a node whose sockets want a topic with no holder takes the lease. When a holder dies, its lease
 * expires and an interested node takes it on its next round: a gap downstream, never an error.
 */
export const createClusterSource = (deps: ClusterDeps): ClusterSource => {
  const { redis, io, nodeId, upstream, leaseTtl, prefix, onProblem, onRefused } = deps;
  const interested = new Map<string, Topic>();
  const owned = new Set<string>();
  const leaseKey = (topicKey: string) => `${prefix}lease:${topicKey}`;

  const acquire = async (topic: Topic): Promise<boolean> => {
    const got = await redis.set(leaseKey(topic.key), nodeId, 'PX', leaseTtl, 'NX');
    if (got !== 'OK' || !interested.has(topic.key) || owned.has(topic.key)) {
      // Taken meanwhile by nobody wanting it any more: give it back.
      if (got === 'OK' && !interested.has(topic.key))
        await redis.eval(RELEASE, 1, leaseKey(topic.key), nodeId);
      return false;
    }
    owned.add(topic.key);
    return true;
  };

  const serve = (topic: Topic): void => {
    void Promise.resolve(upstream.start(topic)).then(async (refusal) => {
      if (refusal === null) return;
      onProblem(topic.key, new Error(refusal));
      interested.delete(topic.key);
      await release(topic);
      onRefused(topic, refusal);
    });
  };

  const release = async (topic: Topic): Promise<void> => {
    if (!owned.delete(topic.key)) return;
    upstream.stop(topic);
    await redis.eval(RELEASE, 1, leaseKey(topic.key), nodeId);
    io.serverSideEmit(RELEASED_EVENT, topic.key);
  };

  const round = async (): Promise<void> => {
    for (const topic of [...interested.values()]) {
      try {
        if (owned.has(topic.key)) {
          const renewed = await redis.eval(RENEW, 1, leaseKey(topic.key), nodeId, String(leaseTtl));
          if (renewed === 0) {
            // Someone else holds it now (this node was too slow to renew): stop serving it.
            owned.delete(topic.key);
            upstream.stop(topic);
          }
        } else if (await acquire(topic)) serve(topic);
      } catch (error) {
        onProblem(topic.key, error);
      }
    }
  };
  let running = false;
  const timer = setInterval(
    () => {
      if (running) return;
      running = true;
      void round().finally(() => (running = false));
    },
    Math.max(50, Math.floor(leaseTtl / 4)),
  );

  io.on(RELEASED_EVENT, (topicKey: unknown) => {
    const topic = typeof topicKey === 'string' ? interested.get(topicKey) : undefined;
    if (topic === undefined || owned.has(topic.key)) return;
    void acquire(topic).then(
      (got) => got && serve(topic),
      (error: unknown) => onProblem(topic.key, error),
    );
  });

  return {
    async start(topic) {
      interested.set(topic.key, topic);
      if (owned.has(topic.key)) return upstream.start(topic);
      let got = false;
      try {
        got = await acquire(topic);
      } catch (error) {
        // Redis unreachable: the next round tries again.
        onProblem(topic.key, error);
      }
      if (!got) return null;
      const refusal = await upstream.start(topic);
      if (refusal !== null) {
        interested.delete(topic.key);
        await release(topic);
      }
      return refusal;
    },
    stop(topic) {
      interested.delete(topic.key);
      void release(topic).catch((error: unknown) => onProblem(topic.key, error));
    },
    get owned() {
      return owned.size;
    },
    async dispose() {
      clearInterval(timer);
      const mine = [...owned].map((key) => interested.get(key)).filter((topic) => topic !== undefined);
      interested.clear();
      await Promise.allSettled(mine.map(release));
    },
  };
};
