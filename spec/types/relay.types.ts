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
  const held: number = stats.ownedTopics + stats.standbyTopics;
  void upstream;
  void held;
  await startRelay({ upstream: { apiKey: 'sk_test_x' }, redis: 'redis://127.0.0.1:6379', standby: 1 });
  // @ts-expect-error one hot standby per topic at most
  await startRelay({ upstream: { apiKey: 'sk_test_x' }, redis: 'redis://127.0.0.1:6379', standby: 2 });

  // @ts-expect-error the relay needs its upstream
  const noUpstream: RelayOptions = { port: 8080 };
  // @ts-expect-error authorize answers a boolean
  await startRelay({ upstream: {}, authorize: () => 'yes' });
  // Claims are inferred from authorize, and entitle reads them typed.
  await startRelay({
    upstream: { apiKey: 'sk_test_x' },
    authorize: async (request) =>
      request.headers.cookie === undefined ? false : { sub: 'u1', plan: 'basic', tickers: ['AAPL'] },
    entitle: (claims, { path, params }) => {
      const tickers: readonly string[] | undefined = claims?.tickers;
      const plan: string | undefined = claims?.plan;
      // @ts-expect-error claims hold what authorize returned, nothing else
      void claims?.email;
      void path.startsWith('/real-time/');
      return params.ticker !== undefined && tickers?.includes(params.ticker) === true
        ? true
        : { refuse: `Your plan (${plan ?? 'none'}) does not include ${params.ticker ?? 'every ticker'}` };
    },
    trustProxy: ['loopback', '10.0.0.0/8'],
    origins: ['https://app.example.com'],
  });
  const upstreamOptions = { apiKey: 'sk_test_x' };
  // Claims given explicitly: authorize must answer them.
  interface Plan {
    readonly sub: string;
    readonly tickers: readonly string[];
  }
  // @ts-expect-error authorize's claims must be Plan
  await startRelay<Plan>({ upstream: upstreamOptions, authorize: () => ({ sub: 'u1' }) });
  await startRelay<Plan>({ upstream: upstreamOptions, trustProxy: { hops: 1, header: 'forwarded' } });
  // @ts-expect-error an entitlement is a boolean or { refuse }
  await startRelay({ upstream: upstreamOptions, entitle: () => 'no' });
  // @ts-expect-error trustProxy reads a forwarding header
  await startRelay({ upstream: upstreamOptions, trustProxy: { hops: 1, header: 'via' } });
  // @ts-expect-error origins are strings
  await startRelay({ upstream: upstreamOptions, origins: [true] });

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
      const known: 'upstream' | 'connection' | 'lease' | 'entitle' | 'slow-consumer' = kind;
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
