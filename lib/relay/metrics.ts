import type { ClientOptions } from '../client/options';
import type { SlowConsumerAction } from '../front/slow-consumer';
import type { Broadcast, Publish } from '../front/source';
import { defaultFetch } from '../util/default-fetch';
import type { FetchLike } from '../util/http';
import type { RelayStats } from './start-relay';

/** What the relay counts as it goes; a no-op without `metrics`. */
export interface RelayCounters {
  /** A publication reached this node (from upstream or from the node that owns the topic). */
  eventIn(): void;
  /** A publication was sent to `sockets` downstream sockets. */
  eventsOut(sockets: number): void;
  slowConsumer(action: SlowConsumerAction): void;
  /** This node took over a topic whose owner let go or died. */
  failover(): void;
  /** The upstream client asked for a token (the first one or a refresh). */
  tokenRequest(): void;
}

export const NO_COUNTERS: RelayCounters = {
  eventIn: () => undefined,
  eventsOut: () => undefined,
  slowConsumer: () => undefined,
  failover: () => undefined,
  tokenRequest: () => undefined,
};

/** What the gauges read when scraped. */
export interface RelayGauges {
  stats(): RelayStats;
  upstreamUp(): boolean;
  /** `undefined` for a single node. */
  redisUp(): boolean | undefined;
}

export interface RelayMetrics extends RelayCounters {
  /** The Prometheus text exposition of every metric, and its content type. */
  render(): Promise<{ readonly body: string; readonly contentType: string }>;
}

/**
 * Prometheus metrics of one relay node, on a registry of its own (several relays in one process do not
 * mix), with prom-client's default process metrics (RSS, event-loop lag…). Needs the optional peer
 * dependency `prom-client`.
 */
export const createRelayMetrics = async (gauges: RelayGauges): Promise<RelayMetrics> => {
  let prom;
  try {
    prom = await import('prom-client');
  } catch (error) {
    throw new Error('startRelay: `metrics` needs the optional peer dependency: npm install prom-client', {
      cause: error,
    });
  }
  const { Counter, Gauge, Registry, collectDefaultMetrics } = prom;
  const registers = [new Registry()];
  const [register] = registers as [InstanceType<typeof Registry>];
  collectDefaultMetrics({ register });
  const prefix = 'marketprophit_relay_';
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name: prefix + name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  gauge('downstream_sockets', 'Downstream sockets connected to this node.', () => gauges.stats().sockets);
  gauge('topics', "Topics this node's sockets want.", () => gauges.stats().topics);
  gauge(
    'upstream_subscriptions',
    'Topics this node holds subscribed upstream (lingering ones included).',
    () => gauges.stats().upstreamSubscriptions,
  );
  gauge(
    'slow_consumers',
    'Downstream sockets held as slow consumers now.',
    () => gauges.stats().slowConsumers,
  );
  gauge('upstream_up', '1 while upstream is not failing, 0 while it is.', () =>
    gauges.upstreamUp() ? 1 : 0,
  );
  gauge('redis_up', '1 while Redis is reachable, 0 while not, -1 for a single node.', () => {
    const up = gauges.redisUp();
    return up === undefined ? -1 : up ? 1 : 0;
  });
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    new Counter({ name: prefix + name, help, labelNames, registers });
  const eventsIn = counter('events_in_total', 'Publications that reached this node.');
  const eventsOut = counter('events_out_total', 'Publications sent to downstream sockets (one per socket).');
  const dropped = counter(
    'events_dropped_total',
    'Publications a slow consumer did not get (a later one of the same topic replaced it).',
  );
  const slow = counter('slow_consumer_actions_total', 'What the slow-consumer guard did.', ['action']);
  const failovers = counter('failovers_total', 'Topics this node took over from another node.');
  const tokens = counter(
    'token_requests_total',
    'Tokens the upstream client asked for (first and refreshes).',
  );
  return {
    eventIn: () => eventsIn.inc(),
    eventsOut: (sockets) => eventsOut.inc(sockets),
    slowConsumer: (action) => {
      if (action.type === 'dropped') dropped.inc();
      else slow.inc({ action: action.type });
    },
    failover: () => failovers.inc(),
    tokenRequest: () => tokens.inc(),
    render: async () => ({ body: await register.metrics(), contentType: register.contentType }),
  };
};

/** The front's `publish`, counting each publication in and the sockets it went out to. */
export const countedPublish =
  ({ publish, audience }: Pick<Broadcast, 'publish' | 'audience'>, counters: RelayCounters): Publish =>
  (topicKey, results, timestamp) => {
    counters.eventIn();
    publish(topicKey, results, timestamp);
    const sockets = audience(topicKey);
    if (sockets > 0) counters.eventsOut(sockets);
  };

/** The upstream options with a `fetch` that counts token requests (`POST …/jwt`). */
export const countTokenRequests = (options: ClientOptions, count: () => void): ClientOptions => {
  const fetch: FetchLike = options.fetch ?? defaultFetch;
  return {
    ...options,
    fetch: (input, init) => {
      if (String(input).endsWith('/jwt')) count();
      return fetch(input, init);
    },
  };
};
