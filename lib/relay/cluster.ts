import type { Redis } from 'ioredis';
import { interval, type SchedulerLike, type Subscription } from 'rxjs';
import type { Image, Peers, Publish, Source } from '../front/source';
import { parseSubscription, type Topic } from '../front/subscription-request';
import { parseStoredImage, storedImage } from './stored-image';
import type { UpstreamSource } from './upstream-source';

/**
 * Renews the lease while this node holds it (and the topic's image with it), and takes it back when
 * nobody does (it expired, or Redis came back empty after an outage); 0 when another node holds it.
 */
const HOLD = `local holder = redis.call('get', KEYS[1])
if holder == ARGV[1] then redis.call('pexpire', KEYS[2], ARGV[2]) return redis.call('pexpire', KEYS[1], ARGV[2]) end
if holder == false then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
/** Deletes the lease (and the topic's image) only while this node holds it; with a standby key, that too. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[2]) redis.call('del', KEYS[1]) end
if KEYS[3] ~= nil and redis.call('get', KEYS[3]) == ARGV[1] then redis.call('del', KEYS[3]) end
return 1`;
/** Writes the topic's image while this node holds the lease: every node reads it for its late joiners. */
const WRITE_IMAGE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('set', KEYS[2], ARGV[3], 'PX', ARGV[2]) end
return 0`;
/**
 * One round of a topic with a hot standby (`standby: 1`). An interested node (ARGV[3] = '1') marks the
 * topic wanted; a node holding it for others lets go once nobody has marked it within a TTL. Then: the
 * lease is renewed by its holder or taken when free (a standby taking it gives up the standby key), and
 * a node that is not the owner renews or takes the standby key. Answers { role, standby present }: role
 * 1 owner, 2 standby, 0 neither.
 */
const ROLE = `local me, ttl = ARGV[1], ARGV[2]
if ARGV[3] == '1' then redis.call('set', KEYS[3], '1', 'PX', ttl)
elseif redis.call('exists', KEYS[3]) == 0 then
  if redis.call('get', KEYS[1]) == me then redis.call('del', KEYS[1]) redis.call('del', KEYS[4]) end
  if redis.call('get', KEYS[2]) == me then redis.call('del', KEYS[2]) end
  return {0, 0}
end
local owner = redis.call('get', KEYS[1])
if owner == false then
  redis.call('set', KEYS[1], me, 'PX', ttl)
  if redis.call('get', KEYS[2]) == me then redis.call('del', KEYS[2]) end
  owner = me
elseif owner == me then
  redis.call('pexpire', KEYS[1], ttl)
  redis.call('pexpire', KEYS[4], ttl)
end
if owner == me then return {1, redis.call('exists', KEYS[2])} end
local standby = redis.call('get', KEYS[2])
if standby == me then redis.call('pexpire', KEYS[2], ttl) return {2, 1} end
if standby == false then redis.call('set', KEYS[2], me, 'PX', ttl) return {2, 1} end
return {0, 1}`;

/** Events between the nodes, through the socket.io Redis adapter's `serverSideEmit`. */
export const DATA_EVENT = 'marketprophit-relay:data';
const RELEASED_EVENT = 'marketprophit-relay:released';
/** An owner whose topic has no standby asks the cluster for one (with the topic's path and params). */
const STANDBY_WANTED_EVENT = 'marketprophit-relay:standby-wanted';

type Role = 'owner' | 'standby';

export interface ClusterDeps {
  readonly redis: Redis;
  /** Whether Redis is reachable now; while it is not, no lease is taken or renewed. */
  readonly redisUp: () => boolean;
  readonly io: Peers;
  readonly nodeId: string;
  readonly upstream: UpstreamSource;
  readonly leaseTtl: number;
  readonly prefix: string;
  /** The relay's scheduler: the renewal rounds and the standby's answer wait on it. */
  readonly scheduler: SchedulerLike;
  /**
   * Hot standbys per topic: 0, one upstream subscription per topic per cluster; 1, one more node holds
   * a warm one whose events flow too (each node delivers the first copy).
   */
  readonly standby: 0 | 1;
  /** Topics this node may hold for the other nodes' clients (as a standby), at most. */
  readonly maxStandingTopics: number;
  /** Longest image read back from Redis, in bytes. */
  readonly maxImageBytes: number;
  readonly onProblem: (topic: string, error: unknown) => void;
  /**
   * Upstream refused a topic this node took over in a round: its sockets were acked long ago, so the
   * relay hangs up on them (their re-subscription gets the refusal, which upstream source remembers).
   */
  readonly onRefused: (topic: Topic, message: string) => void;
  /** This node took over a topic another node let go of (released, or its lease lapsed). */
  readonly onTakeover?: () => void;
  /** The owner's image of a topic this node's sockets just asked for (read from Redis). */
  readonly onImage: (topic: Topic, image: Image) => void;
}

export interface ClusterSource extends Source {
  /** Topics whose lease this node holds. */
  readonly owned: number;
  /** Topics this node holds upstream as the hot standby. */
  readonly standing: number;
  /**
   * Sends a publication of this node's upstream to every other node (which each send it to their own
   * sockets); the owner also keeps it as the topic's image in Redis.
   */
  readonly broadcast: Publish;
  /** Releases every lease this node holds (so others take over at once) and stops renewing. */
  dispose(): Promise<void>;
}

/**
 * One upstream subscription per topic per cluster. A topic that sockets on this node want is served
 * upstream by the node holding its lease (a Redis key with a TTL, renewed by its holder every quarter
 * TTL); a node whose sockets want a topic with no holder takes the lease. When a holder dies, its lease
 * expires and an interested node takes it on its next round: a gap downstream, never an error.
 *
 * With `standby: 1`, a second node per topic (one whose sockets want it if there is one; otherwise any
 * node, asked by the owner) holds a standby key and a warm upstream subscription whose events flow
 * like the owner's; when the owner dies, the standby takes the lease on its next round and the new
 * owner asks for a new standby: no gap, since the standby's copy was flowing all along.
 *
 * While Redis is away, nodes cannot hear each other: each serves every topic its own sockets want from
 * its own upstream connection. When Redis is back, every node holds or takes the leases of what it
 * serves; a node that finds a topic held by another stops serving it, so exactly one owner is left.
 */
export const createClusterSource = (deps: ClusterDeps): ClusterSource => {
  const { redis, redisUp, io, nodeId, upstream, leaseTtl, prefix, onProblem, onRefused } = deps;
  const interested = new Map<string, Topic>();
  /** Topics held here for other nodes' sockets only (a standby, or a standby become owner). */
  const standing = new Map<string, Topic>();
  const roles = new Map<string, Role>();
  const leaseKey = (topicKey: string) => `${prefix}lease:${topicKey}`;
  const imageKey = (topicKey: string) => `${prefix}image:${topicKey}`;
  const standbyKey = (topicKey: string) => `${prefix}standby:${topicKey}`;
  const wantedKey = (topicKey: string) => `${prefix}wanted:${topicKey}`;
  const count = (role: Role) => [...roles.values()].filter((held) => held === role).length;

  /** A lease operation failed: worth a report while Redis is up (an outage is reported once, elsewhere). */
  const failed = (topicKey: string, error: unknown) => {
    if (redisUp()) onProblem(topicKey, error);
  };

  const acquire = async (topic: Topic): Promise<boolean> => {
    const got = await redis.set(leaseKey(topic.key), nodeId, 'PX', leaseTtl, 'NX');
    if (got !== 'OK' || !interested.has(topic.key) || roles.get(topic.key) === 'owner') {
      // Taken meanwhile by nobody wanting it any more: give it back.
      if (got === 'OK' && !interested.has(topic.key))
        await redis.eval(RELEASE, 2, leaseKey(topic.key), imageKey(topic.key), nodeId);
      return false;
    }
    roles.set(topic.key, 'owner');
    return true;
  };

  /** Reads the owner's image of a topic for this node's late joiners; a failure only costs the image. */
  const readImage = async (topic: Topic): Promise<void> => {
    try {
      const image = parseStoredImage(topic, await redis.get(imageKey(topic.key)), deps.maxImageBytes);
      if (image !== undefined) deps.onImage(topic, image);
    } catch (error) {
      failed(topic.key, error);
    }
  };

  /** Starts a topic upstream in the background (a round's takeover, a standby). */
  const serve = (topic: Topic): void => {
    void Promise.resolve(upstream.start(topic)).then(async (refusal) => {
      if (refusal === null) return;
      onProblem(topic.key, new Error(refusal));
      const wanted = interested.delete(topic.key);
      standing.delete(topic.key);
      await release(topic);
      if (wanted) onRefused(topic, refusal);
    });
  };
  const takeover = (topic: Topic) => {
    deps.onTakeover?.();
    serve(topic);
  };

  /** Stops serving a topic and gives its lease (or standby key) back; never rejects. */
  const release = async (topic: Topic): Promise<void> => {
    if (!roles.delete(topic.key)) return;
    upstream.stop(topic);
    try {
      const keys = [leaseKey(topic.key), imageKey(topic.key)];
      if (deps.standby === 1) keys.push(standbyKey(topic.key));
      await redis.eval(RELEASE, keys.length, ...keys, nodeId);
      io.serverSideEmit(RELEASED_EVENT, topic.key);
    } catch (error) {
      // The lease expires by itself.
      failed(topic.key, error);
    }
  };

  /** Redis is away: serve every wanted topic from this node, leases or not. */
  const serveAlone = (): void => {
    for (const topic of interested.values()) {
      const role = roles.get(topic.key);
      if (role === 'owner') continue;
      roles.set(topic.key, 'owner');
      if (role === undefined) serve(topic);
    }
  };

  /**
   * A round of one topic with a standby (see ROLE): takes, keeps or gives up this node's role in it, and
   * starts or stops its upstream subscription to match (`starting`: the caller starts an owner's).
   */
  const settleOnce = async (topic: Topic, starting: boolean): Promise<Role | undefined> => {
    const wants = interested.has(topic.key);
    const answer = (await redis.eval(
      ROLE,
      4,
      leaseKey(topic.key),
      standbyKey(topic.key),
      wantedKey(topic.key),
      imageKey(topic.key),
      nodeId,
      String(leaseTtl),
      wants ? '1' : '0',
    )) as [number, number];
    const [code, standbyHeld] = answer;
    const role: Role | undefined = code === 1 ? 'owner' : code === 2 ? 'standby' : undefined;
    const before = roles.get(topic.key);
    if (wants !== interested.has(topic.key)) {
      // This node's sockets came or left meanwhile: a role taken for nothing goes back at once, the
      // next round sorts out the rest.
      if (role !== undefined && before === undefined) {
        const keys = [leaseKey(topic.key), imageKey(topic.key), standbyKey(topic.key)];
        await redis.eval(RELEASE, keys.length, ...keys, nodeId);
      }
      return before;
    }
    if (role === undefined) {
      standing.delete(topic.key);
      if (before !== undefined) {
        roles.delete(topic.key);
        upstream.stop(topic);
      }
      return undefined;
    }
    roles.set(topic.key, role);
    if (before === undefined) {
      if (role === 'standby') serve(topic);
      else if (!starting) takeover(topic);
    } else if (before === 'standby' && role === 'owner') deps.onTakeover?.();
    if (role === 'owner' && standbyHeld === 0) {
      io.serverSideEmit(STANDBY_WANTED_EVENT, topic.key, topic.path, topic.params);
    }
    return role;
  };

  /** One settling per topic at a time: a round, a cluster event and a start meanwhile share it. */
  const settling = new Map<string, Promise<Role | undefined>>();
  const settleRole = (topic: Topic, starting = false): Promise<Role | undefined> => {
    const inFlight = settling.get(topic.key);
    if (inFlight !== undefined) return inFlight;
    const settled = settleOnce(topic, starting).finally(() => settling.delete(topic.key));
    settling.set(topic.key, settled);
    return settled;
  };

  const round = async (): Promise<void> => {
    if (!redisUp()) {
      serveAlone();
      return;
    }
    if (deps.standby === 1) {
      for (const topic of [...interested.values(), ...standing.values()]) {
        try {
          await settleRole(topic);
        } catch (error) {
          failed(topic.key, error);
        }
      }
      return;
    }
    for (const topic of [...interested.values()]) {
      try {
        if (roles.get(topic.key) === 'owner') {
          const held = await redis.eval(
            HOLD,
            2,
            leaseKey(topic.key),
            imageKey(topic.key),
            nodeId,
            String(leaseTtl),
          );
          if (held === 0) {
            // Another node holds it (this node was too slow to renew, or both served it while Redis
            // was away): stop serving it, the holder's publications reach this node's sockets.
            roles.delete(topic.key);
            upstream.stop(topic);
          }
        } else if (await acquire(topic)) takeover(topic);
      } catch (error) {
        failed(topic.key, error);
      }
    }
  };
  let running = false;
  const rounds = interval(Math.max(50, Math.floor(leaseTtl / 4)), deps.scheduler).subscribe(() => {
    if (running) return;
    running = true;
    void round().finally(() => (running = false));
  });
  const pending = new Set<Subscription>();

  io.on(RELEASED_EVENT, (topicKey: unknown) => {
    if (typeof topicKey !== 'string') return;
    const topic = interested.get(topicKey) ?? standing.get(topicKey);
    if (topic === undefined || roles.get(topic.key) === 'owner') return;
    if (deps.standby === 1) {
      void settleRole(topic).catch((error: unknown) => failed(topic.key, error));
      return;
    }
    void acquire(topic).then(
      (got) => got && takeover(topic),
      (error: unknown) => failed(topic.key, error),
    );
  });

  io.on(STANDBY_WANTED_EVENT, (topicKey: unknown, path: unknown, params: unknown) => {
    if (deps.standby !== 1 || typeof topicKey !== 'string' || roles.has(topicKey)) return;
    const own = interested.get(topicKey);
    if (own !== undefined) {
      void settleRole(own).catch((error: unknown) => failed(own.key, error));
      return;
    }
    // Another node's topic: a node whose own sockets want it answers first; this one a little later.
    const parsed = parseSubscription({ path, params }, undefined);
    if (!parsed.ok || parsed.value.topic.key !== topicKey || standing.size >= deps.maxStandingTopics) return;
    const { topic } = parsed.value;
    const later = deps.scheduler.schedule(
      () => {
        pending.delete(later);
        if (roles.has(topic.key) || interested.has(topic.key)) return;
        standing.set(topic.key, topic);
        void settleRole(topic).then(
          (role) => role === undefined && standing.delete(topic.key),
          (error: unknown) => {
            standing.delete(topic.key);
            failed(topic.key, error);
          },
        );
      },
      Math.max(20, Math.floor(leaseTtl / 8)),
    );
    pending.add(later);
  });

  return {
    async start(topic) {
      interested.set(topic.key, topic);
      standing.delete(topic.key);
      if (roles.has(topic.key)) return upstream.start(topic);
      if (!redisUp()) {
        // Nobody else can be heard: serve it from here (the first round after Redis is back sorts out
        // who keeps it).
        roles.set(topic.key, 'owner');
        return upstream.start(topic);
      }
      let role: Role | undefined;
      try {
        if (deps.standby === 1) {
          // A standby's upstream starts in the background: the owner serves the topic meanwhile.
          role = (await settleRole(topic, true)) === 'owner' ? 'owner' : undefined;
        } else role = (await acquire(topic)) ? 'owner' : undefined;
      } catch (error) {
        // Redis unreachable: the next round serves it.
        failed(topic.key, error);
      }
      if (role === undefined) {
        await readImage(topic);
        return null;
      }
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
    broadcast(topicKey, results, timestamp) {
      io.serverSideEmit(DATA_EVENT, topicKey, results, timestamp);
      if (roles.get(topicKey) !== 'owner' || !redisUp()) return;
      redis
        .eval(
          WRITE_IMAGE,
          2,
          leaseKey(topicKey),
          imageKey(topicKey),
          nodeId,
          String(leaseTtl),
          storedImage({ results, timestamp }),
        )
        .catch((error: unknown) => failed(topicKey, error));
    },
    get owned() {
      return count('owner');
    },
    get standing() {
      return count('standby');
    },
    async dispose() {
      rounds.unsubscribe();
      for (const later of pending) later.unsubscribe();
      pending.clear();
      const mine = [...roles.keys()]
        .map((key) => interested.get(key) ?? standing.get(key))
        .filter((topic) => topic !== undefined);
      interested.clear();
      standing.clear();
      await Promise.allSettled(mine.map(release));
    },
  };
};
