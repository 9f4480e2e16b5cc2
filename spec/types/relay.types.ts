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

  await startServer({ maxPayloadBytes: 1024, maxBodyBytes: 1024, maxCallsPerSecond: 10 });
  // @ts-expect-error limits are numbers
  await startServer({ maxSubscriptionsPerSocket: '10' });
  void noUpstream;
};
