import { randomBytes } from 'node:crypto';
import { createClient, proxyToken } from '../../lib';
import { startRelay, type Relay } from '../../lib/relay';
import { DEFAULT_API_KEY } from '../../lib/server';
import { harness } from '../support/harness';
import { describeWithRedis, type RedisProcess, startRedis } from '../support/redis-server';
import { delay, until } from '../support/wait';

const PATH = '/real-time/crowd-sentiment';

const get = async (url: string): Promise<{ status: number; body: string }> => {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
};
const readyz = async (relay: Relay) => {
  const { status, body } = await get(`${relay.url}/readyz`);
  return { status, ...(JSON.parse(body) as { ready: boolean; redis: string; upstream: { ok: boolean } }) };
};

describe('relay: /healthz, /readyz, /metrics', () => {
  const h = harness({ interval: 20 });
  const relays: Relay[] = [];
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
    await h.cleanUp();
  });

  it('is healthy, ready while upstream is, not ready while it fails, and counts in Prometheus metrics', async () => {
    const upstream = await h.start({});
    const relay = await startRelay({
      upstream: { url: upstream.url, apiKey: DEFAULT_API_KEY, retryWait: () => 300 },
      metrics: true,
      linger: 50,
    });
    relays.push(relay);
    expect(await get(`${relay.url}/healthz`)).toEqual({ status: 200, body: '{"status":"ok"}' });
    expect(await readyz(relay)).toEqual({ status: 200, ready: true, upstream: { ok: true }, redis: 'none' });

    const client = createClient({ url: relay.url, token: proxyToken(`${relay.url}/jwt`) });
    let events = 0;
    const subscription = client.subscribe$(PATH, { ticker: 'AAPL' }).subscribe(() => (events += 1));
    try {
      await until('data', () => events > 2, 5_000);
      // Upstream refuses the relay's socket, then answers 503 for a while.
      upstream.failTokenRequests(6, 503);
      upstream.revokeTokens();
      await until('not ready', async () => (await readyz(relay)).status === 503, 3_000);
      expect(await readyz(relay)).toMatchObject({
        ready: false,
        upstream: { ok: false, reason: /^Upstream: / },
      });
      expect((await get(`${relay.url}/healthz`)).status).toBe(200);
      await until('ready again', async () => (await readyz(relay)).status === 200, 10_000);

      const metrics = await get(`${relay.url}/metrics`);
      expect(metrics.status).toBe(200);
      const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics.body)?.[1]);
      expect(value('marketprophit_relay_downstream_sockets')).toBe(1);
      expect(value('marketprophit_relay_topics')).toBe(1);
      expect(value('marketprophit_relay_upstream_subscriptions')).toBe(1);
      expect(value('marketprophit_relay_events_in_total')).toBeGreaterThan(2);
      expect(value('marketprophit_relay_events_out_total')).toBeGreaterThan(2);
      expect(value('marketprophit_relay_token_requests_total')).toBeGreaterThanOrEqual(7);
      expect(value('marketprophit_relay_upstream_up')).toBe(1);
      expect(value('marketprophit_relay_redis_up')).toBe(-1);
      expect(metrics.body).toContain('process_resident_memory_bytes');
    } finally {
      subscription.unsubscribe();
    }
  }, 30_000);

  it('serves no /metrics unless asked', async () => {
    const upstream = await h.start({});
    const relay = await startRelay({ upstream: { url: upstream.url, apiKey: DEFAULT_API_KEY } });
    relays.push(relay);
    expect((await get(`${relay.url}/metrics`)).status).toBe(404);
  });
});

describeWithRedis('relay: /readyz follows Redis', () => {
  const h = harness({ interval: 50 });
  let redis: RedisProcess | undefined;
  afterEach(async () => {
    await h.cleanUp();
    await redis?.stop();
  });

  it('is not ready while Redis is away, ready again when it is back, and says so once per change', async () => {
    redis = await startRedis();
    const upstream = await h.start({});
    const changes: string[] = [];
    const relay = await startRelay({
      upstream: { url: upstream.url, apiKey: DEFAULT_API_KEY },
      redis: redis.url,
      secret: randomBytes(32).toString('hex'),
      onStatus: ({ component, up }) => changes.push(`${component} ${up ? 'up' : 'down'}`),
    });
    try {
      expect(await readyz(relay)).toMatchObject({ status: 200, ready: true, redis: 'up' });
      await redis.stop();
      await until('not ready', async () => (await readyz(relay)).status === 503, 3_000);
      expect(await readyz(relay)).toMatchObject({ ready: false, redis: 'down', upstream: { ok: true } });
      await delay(3_000); // several reconnect tries
      redis = await startRedis(redis.port);
      await until('ready again', async () => (await readyz(relay)).status === 200, 5_000);
      expect(await readyz(relay)).toMatchObject({ redis: 'up' });
      // Reconnect tries while it was away were not news.
      expect(changes).toEqual(['redis down', 'redis up']);
    } finally {
      await relay.close();
    }
  }, 30_000);
});
