import type { Redis } from 'ioredis';
import type { Peers, Publish, Source } from '../front/source';
import type { Topic } from '../front/subscription-request';
import type { UpstreamSource } from './upstream-source';

/**
 * Renews the lease while this node holds it, and takes it back when nobody does (it expired, or Redis
 * came back empty after an outage); 0 when another node holds it.
 */
const HOLD = `local holder = redis.call('get', KEYS[1])
if holder == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
if holder == false then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
/** Deletes the lease only while this node holds it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Events between the nodes, through the socket.io Redis adapter's `serverSideEmit`. */
export const DATA_EVENT = 'marketprophit-relay:data';
const RELEASED_EVENT = 'marketprophit-relay:released';

export interface ClusterDeps {
  readonly redis: Redis;
  /** Whether Redis is reachable now; while it is not, no lease is taken or renewed. */
  readonly redisUp: () => boolean;
  readonly io: Peers;
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
  /** This node took over a topic another node let go of (released, or its lease lapsed). */
  readonly onTakeover?: () => void;
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
  (io: Peers, local: Publish): Publish =>
  (topicKey, results, timestamp) => {
    local(topicKey, results, timestamp);
    io.serverSideEmit(DATA_EVENT, topicKey, results, timestamp);
  };

/**
 * One upstream subscription per topic per cluster. A topic that sockets on this node want is served
 * upstream by the node holding its lease (a Redis key with a TTL, renewed by its holder every quarter
 * TTL); a node whose sockets want a topic with no holder takes the lease. When a holder dies, its lease
 * expires and an interested node takes it on its next round: a gap downstream, never an error.
 *
 * While Redis is away, nodes cannot hear each other: each serves every topic its own sockets want from
 * its own upstream connection. When Redis is back, every node holds or takes the leases of what it
 * serves; a node that finds a topic held by another stops serving it, so exactly one owner is left.
 */
export const createClusterSource = (deps: ClusterDeps): ClusterSource => {
  const { redis, redisUp, io, nodeId, upstream, leaseTtl, prefix, onProblem, onRefused } = deps;
  const takeover = (topic: Topic) => {
    deps.onTakeover?.();
    serve(topic);
  };
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

  /** A lease operation failed: worth a report while Redis is up (an outage is reported once, elsewhere). */
  const failed = (topicKey: string, error: unknown) => {
    if (redisUp()) onProblem(topicKey, error);
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

  /** Stops serving a topic and gives its lease back; never rejects. */
  const release = async (topic: Topic): Promise<void> => {
    if (!owned.delete(topic.key)) return;
    upstream.stop(topic);
    try {
      await redis.eval(RELEASE, 1, leaseKey(topic.key), nodeId);
      io.serverSideEmit(RELEASED_EVENT, topic.key);
    } catch (error) {
      // The lease expires by itself.
      failed(topic.key, error);
    }
  };

  /** Redis is away: serve every wanted topic from this node, leases or not. */
  const serveAlone = (): void => {
    for (const topic of interested.values()) {
      if (owned.has(topic.key)) continue;
      owned.add(topic.key);
      serve(topic);
    }
  };

  const round = async (): Promise<void> => {
    if (!redisUp()) {
      serveAlone();
      return;
    }
    for (const topic of [...interested.values()]) {
      try {
        if (owned.has(topic.key)) {
          const held = await redis.eval(HOLD, 1, leaseKey(topic.key), nodeId, String(leaseTtl));
          if (held === 0) {
            // Another node holds it (this node was too slow to renew, or both served it while Redis
            // was away): stop serving it, the holder's publications reach this node's sockets.
            owned.delete(topic.key);
            upstream.stop(topic);
          }
        } else if (await acquire(topic)) takeover(topic);
      } catch (error) {
        failed(topic.key, error);
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
      (got) => got && takeover(topic),
      (error: unknown) => failed(topic.key, error),
    );
  });

  return {
    async start(topic) {
      interested.set(topic.key, topic);
      if (owned.has(topic.key)) return upstream.start(topic);
      let got = false;
      if (!redisUp()) {
        // Nobody else can be heard: serve it from here (the first round after Redis is back sorts out
        // who keeps it).
        owned.add(topic.key);
        got = true;
      } else {
        try {
          got = await acquire(topic);
        } catch (error) {
          // Redis unreachable: the next round serves it.
          failed(topic.key, error);
        }
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
      void release(topic);
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
