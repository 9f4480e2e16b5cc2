/**
 * Type tests for `marketprophit-rx/relay` and the server's limits, compiled by
 * `tsc -p spec/tsconfig.json --noEmit` (never run).
 */
import { startRelay, type Relay, type RelayOptions, type RelayStats } from '../../lib/relay';
import { startServer } from '../../lib/server';

export const typeTests = async (): Promise<void> => {
  const relay: Relay = await startRelay({
    upstream: { url: 'http://127.0.0.1:4000', apiKey: 'sk_test_x' },
    authorize: async (request) => request.headers.cookie !== undefined,
    redis: 'redis://127.0.0.1:6379',
    maxSubscriptionsPerSocket: 50,
  });
  const stats: RelayStats = relay.stats();
  const upstream: number = stats.upstreamSubscriptions;
  void upstream;

  // @ts-expect-error the relay needs its upstream
  const noUpstream: RelayOptions = { port: 8080 };
  // @ts-expect-error authorize answers a boolean
  await startRelay({ upstream: {}, authorize: () => 'yes' });
  // @ts-expect-error stats are read-only
  stats.sockets = 1;

  // Production options: metrics, status changes, problems of every kind, topic caps, slow consumers.
  await startRelay({
    upstream: { url: 'http://127.0.0.1:4000', apiKey: 'sk_test_x', policy: { refusedFor: 60_000 } },
    metrics: true,
    onStatus: ({ component, up, reason }) => {
      const which: 'upstream' | 'redis' = component;
      void [which, up satisfies boolean, reason satisfies string | undefined];
    },
    onProblem: ({ kind, retryIn }) => {
      const known: 'upstream' | 'connection' | 'lease' | 'slow-consumer' = kind;
      void [known, retryIn satisfies number | undefined];
    },
    maxTopicsPerToken: 100,
    maxTopics: 1000,
    slowConsumerBytes: 1 << 20,
    slowConsumerTimeout: 10_000,
  });
  const slow: number = stats.slowConsumers;
  void slow;
  // @ts-expect-error metrics is on or off
  await startRelay({ upstream: {}, metrics: 'prometheus' });
  // @ts-expect-error a status change names what changed
  await startRelay({ upstream: {}, onStatus: ({ component }) => component === 'database' });

  await startServer({ maxPayloadBytes: 1024, maxBodyBytes: 1024, maxCallsPerSecond: 10 });
  // @ts-expect-error limits are numbers
  await startServer({ maxSubscriptionsPerSocket: '10' });
  void noUpstream;
};
