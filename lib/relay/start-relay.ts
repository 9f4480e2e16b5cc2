import { randomUUID } from 'node:crypto';
import { asyncScheduler } from 'rxjs';
import { createClient } from '../client/create-client';
import { UPSTREAM_STATUS_EVENT } from '../connection/upstream-status-event';
import { resolvePolicy } from '../lifecycle/policy';
import { type Front, startFront } from '../front/front';
import type { Broadcast, Publish, Source } from '../front/source';
import type { Topic } from '../front/subscription-request';
import { createTokenAuthority } from '../front/token-authority';
import { createRelayIssuer, endAtExpiry, openHostWarning, type RelayClaims } from './access-control';
import { type ClusterSource, createClusterSource, DATA_EVENT } from './cluster';
import { createEntitlementCheck } from './entitlements';
import { mountHealthRoutes, readiness } from './health-routes';
import { countedPublish, countTokenRequests, createRelayMetrics, NO_COUNTERS } from './metrics';
import {
  type DefaultClaims,
  type RelayOptions,
  type RelayProblem,
  type RelayStatusChange,
  resolveRelayOptions,
} from './options';
import { connectRedis } from './redis-connection';
import { createLatestEvents, type EventOrigin } from './latest-events';
import { watchUpstream } from './upstream-health';
import { createUpstreamSource, type UpstreamSource } from './upstream-source';

/** Counters of one relay node. */
export interface RelayStats {
  /** Downstream sockets connected to this node. */
  readonly sockets: number;
  /** Topics (canonical path + params) this node's sockets want. */
  readonly topics: number;
  /** Topics this node holds subscribed upstream (lingering ones included). */
  readonly upstreamSubscriptions: number;
  /** Downstream subscriptions over every socket of this node. */
  readonly subscriptions: number;
  /** Downstream sockets held as slow consumers right now (see `slowConsumerBytes`). */
  readonly slowConsumers: number;
  /** Topics this node serves upstream as their owner (in a cluster, it holds their lease). */
  readonly ownedTopics: number;
  /** Topics this node holds upstream as their hot standby (`standby: 1`). */
  readonly standbyTopics: number;
}

/** A running relay node. */
export interface Relay {
  /** `http://HOST:PORT`: the `url` for `createClient`, and `url + '/jwt'` for `proxyToken`. */
  readonly url: string;
  readonly port: number;
  /** This node's id in the cluster (lease holder name). */
  readonly nodeId: string;
  stats(): RelayStats;
  /** Closes every socket, releases this node's leases, closes upstream and Redis. Safe to call twice. */
  close(): Promise<void>;
}

/** The one subject relay tokens are issued for; `authorize` decides who gets one. */
const RELAY_SUBJECT = 'relay';

/**
 * Starts a relay node: downstream it speaks the Market Prophit protocol exactly (POST `/jwt`, the token
 * handshake, `subscribe`/`unsubscribe` with acks, `data` events), so
 * `createClient({ url: relay.url, token: proxyToken(relay.url + '/jwt') })` works unchanged; upstream it
 * holds one subscription per topic, reference-counted over every downstream socket. With `redis`, one
 * per topic per cluster.
 *
 * @example
 * const relay = await startRelay({ upstream: { apiKey: process.env.MARKETPROPHIT_API_KEY }, port: 8080 });
 */
export const startRelay = async <Claims extends RelayClaims = DefaultClaims>(
  options: RelayOptions<Claims>,
): Promise<Relay> => {
  const {
    upstream: upstreamOptions,
    port,
    host,
    secret,
    authorize,
    entitle,
    entitleTimeout,
    onWarning,
    tokenTtl,
    leaseTtl,
    linger,
    onProblem,
    onStatus,
    origins,
    callerAddress,
    limits,
    standby,
  } = resolveRelayOptions(options);
  // The upstream client's own policy and scheduler, with the relay's `linger`: the relay's retries and
  // waits follow the same rules.
  const policy = resolvePolicy('startRelay', {
    ...(upstreamOptions.retryWait === undefined ? {} : { retryWait: upstreamOptions.retryWait }),
    ...upstreamOptions.policy,
    linger,
  });
  const scheduler = upstreamOptions.scheduler ?? asyncScheduler;
  const nodeId = randomUUID();
  const problem = (kind: RelayProblem['kind'], topic: string, error: unknown, retryIn?: number) => {
    try {
      onProblem({ kind, topic, error, ...(retryIn === undefined ? {} : { retryIn }) });
    } catch {
      // A throwing log hook must not stop the relay.
    }
  };
  const status = (change: RelayStatusChange) => {
    try {
      onStatus(change);
    } catch {
      // As above.
    }
  };

  const authority = createTokenAuthority({
    secret,
    tokenTtl,
    clock: Date.now,
    apiKeys: new Map([[RELAY_SUBJECT, undefined]]),
  });
  const issue = createRelayIssuer({
    authorize,
    callerAddress,
    sign: (claims) => ({ keyId: RELAY_SUBJECT, token: authority.issue(RELAY_SUBJECT, claims) }),
  });
  const check =
    entitle === undefined
      ? undefined
      : createEntitlementCheck({
          entitle,
          timeout: entitleTimeout,
          onFailure: (topic, error) => problem('entitle', topic.key, error),
        });

  const redis =
    options.redis === undefined
      ? undefined
      : await connectRedis(options.redis, ({ up, reason }) =>
          status({ component: 'redis', up, ...(reason === undefined ? {} : { reason }) }),
        );
  const client = createClient(
    options.metrics === true
      ? countTokenRequests(upstreamOptions, () => counters.tokenRequest())
      : upstreamOptions,
  );
  let front: Front | undefined;
  // Downstream hears when upstream fails and heals; a socket that connects meanwhile hears it at once.
  const watched = watchUpstream({
    client,
    onProblem: ({ error, message, retryIn }) =>
      problem('connection', '', error ?? new Error(message), retryIn),
    onChange: (word) => {
      front?.io.local.emit(UPSTREAM_STATUS_EVENT, word);
      status({ component: 'upstream', up: word.ok, ...(word.ok ? {} : { reason: word.message }) });
    },
  });
  const metrics =
    options.metrics === true
      ? await createRelayMetrics({
          stats: () => stats(),
          upstreamUp: () => watched.current.ok,
          redisUp: () => redis?.up,
        })
      : undefined;
  const counters = metrics ?? NO_COUNTERS;
  let upstream: UpstreamSource | undefined;
  let cluster: ClusterSource | undefined;
  const stats = (): RelayStats => ({
    sockets: front?.io.of('/').sockets.size ?? 0,
    topics: front?.registry.topicCount ?? 0,
    upstreamSubscriptions: upstream?.size ?? 0,
    subscriptions: front?.registry.size ?? 0,
    slowConsumers: front?.slowConsumers() ?? 0,
    ownedTopics: cluster?.owned ?? upstream?.size ?? 0,
    standbyTopics: cluster?.standing ?? 0,
  });
  // The latest event of each topic served here: the image a joining socket gets first, and the rule
  // that delivers each event once however many copies reach this node.
  // Copies of one event may come two ways for a while after a handover (two leaseTtl), or all along
  // with a standby: meanwhile each is delivered once.
  const latest = createLatestEvents({ overlap: 2 * leaseTtl, now: () => scheduler.now() });

  const source = (broadcast: Broadcast): Source => {
    /** Subscribers already acked for a topic upstream refused: their clients re-subscribe and hear it. */
    const hangUp = (topic: Topic) => {
      latest.forget(topic.key);
      broadcast.hangUp(topic.key);
    };
    const io = broadcast.peers;
    const toSockets = metrics === undefined ? broadcast.publish : countedPublish(broadcast, counters);
    /** The first copy of each event (from upstream or from another node) goes to this node's sockets. */
    const local =
      (origin: EventOrigin): Publish =>
      (topicKey, results, timestamp) => {
        if (!broadcast.wants(topicKey) && upstream?.has(topicKey) !== true) return;
        if (latest.admit(topicKey, results, timestamp, origin)) toSockets(topicKey, results, timestamp);
      };
    const fromUpstream = local('upstream');
    const fromCluster = local('cluster');
    upstream = createUpstreamSource({
      client,
      publish: (topicKey, results, timestamp) => {
        fromUpstream(topicKey, results, timestamp);
        cluster?.broadcast(topicKey, results, timestamp);
      },
      onDropped: (topic) => {
        if (!broadcast.wants(topic.key)) latest.forget(topic.key);
      },
      policy,
      scheduler,
      onProblem: (topic, error, retryIn) => problem('upstream', topic.key, error, retryIn),
      onLateRefusal: (topic) => {
        cluster?.stop(topic);
        hangUp(topic);
      },
    });
    /** The source, forgetting a topic's image once this node neither serves it nor holds it upstream. */
    const forgetting = (inner: Source): Source => ({
      start: (topic) => inner.start(topic),
      stop(topic) {
        inner.stop(topic);
        if (upstream?.has(topic.key) !== true) latest.forget(topic.key);
      },
    });
    if (redis === undefined) return forgetting(upstream);
    io.on(DATA_EVENT, (topicKey: unknown, results: unknown, timestamp: unknown) => {
      if (typeof topicKey === 'string' && Array.isArray(results) && typeof timestamp === 'string')
        fromCluster(topicKey, results, timestamp);
    });
    cluster = createClusterSource({
      redis: redis.commands,
      redisUp: () => redis.up,
      io,
      nodeId,
      upstream,
      leaseTtl,
      prefix: 'marketprophit-relay:',
      scheduler,
      standby,
      maxStandingTopics: limits.maxTopics,
      maxImageBytes: limits.maxPayloadBytes,
      onImage: (topic, image) => latest.seed(topic.key, image),
      onProblem: (topic, error) => problem('lease', topic, error),
      onTakeover: () => counters.failover(),
      onRefused: hangUp,
    });
    return forgetting(cluster);
  };

  try {
    front = await startFront({
      port,
      host,
      authority,
      issue,
      limits,
      onSlowConsumer: (action) => {
        counters.slowConsumer(action);
        if (action.type === 'disconnected')
          problem('slow-consumer', '', new Error(`${action.reason}: socket ${action.socketId} disconnected`));
      },
      origins,
      ...(check === undefined ? {} : { admit: (socket, topic) => check(socket.data.claims.claims, topic) }),
      ...(redis === undefined ? {} : { adapter: redis.adapter }),
      image: (topicKey) => latest.image(topicKey),
      source,
    });
  } catch (error) {
    watched.dispose();
    await redis?.quit();
    throw error;
  }
  const served = front;
  served.io.on('connection', (socket) => {
    endAtExpiry(socket);
    if (!watched.current.ok) socket.emit(UPSTREAM_STATUS_EVENT, watched.current);
  });
  mountHealthRoutes(served.http, {
    readiness: () => readiness(watched.current, redis),
    ...(metrics === undefined ? {} : { metrics }),
  });
  const warning = openHostWarning(host, authorize);
  try {
    if (warning !== undefined) onWarning(warning);
  } catch {
    // A throwing log hook must not stop the relay.
  }

  let closing: Promise<void> | undefined;
  return {
    url: served.url,
    port: served.port,
    nodeId,
    stats,
    close() {
      closing ??= (async () => {
        watched.dispose();
        await cluster?.dispose();
        upstream?.dispose();
        await served.close();
        await redis?.quit();
      })();
      return closing;
    },
  };
};
