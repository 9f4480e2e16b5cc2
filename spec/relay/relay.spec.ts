import { firstValueFrom, take, toArray } from 'rxjs';
import { createClient, isSubscribeError, proxyToken, type MarketProphitClient } from '../../lib';
import type { ClientOptions } from '../../lib/client/options';
import { startRelay, type Relay, type RelayOptions } from '../../lib/relay';
import { DEFAULT_API_KEY, type LocalServer, type ServerOptions } from '../../lib/server';
import { ack, connected, nextEvent } from '../server/helpers';
import { clientOptions } from '../support/client-options';
import { harness } from '../support/harness';
import { delay, until } from '../support/wait';

const PATH = '/real-time/crowd-sentiment';

describe('startRelay (single node)', () => {
  const h = harness({ interval: 20 });
  const relays: Relay[] = [];
  const clients: MarketProphitClient[] = [];
  let upstream: LocalServer;

  const start = async (
    serverOptions: ServerOptions = {},
    relayOptions: Partial<RelayOptions> = {},
    upstreamOptions: Partial<ClientOptions> = {},
  ) => {
    upstream = await h.start(serverOptions);
    const relay = await startRelay({
      upstream: clientOptions({ url: upstream.url }, upstreamOptions),
      linger: 100,
      ...relayOptions,
    });
    relays.push(relay);
    return relay;
  };
  const downstream = (relay: Relay): MarketProphitClient => {
    const client = createClient({ url: relay.url, token: proxyToken(`${relay.url}/jwt`), linger: 50 });
    clients.push(client);
    return client;
  };
  const relayToken = async (relay: Relay): Promise<string> => {
    const response = await fetch(`${relay.url}/jwt`, { method: 'POST' });
    return ((await response.json()) as { token: string }).token;
  };

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
    clients.splice(0);
    await h.cleanUp();
  });

  it('serves many downstream subscribers of a topic from one upstream subscription, and lets it go', async () => {
    const relay = await start();
    const events = await Promise.all(
      Array.from({ length: 5 }, () =>
        firstValueFrom(downstream(relay).subscribe$(PATH, { ticker: 'AAPL' }).pipe(take(3), toArray())),
      ),
    );
    for (const list of events) {
      expect(list).toHaveLength(3);
      expect(list[0]?.results[0]).toMatchObject({ ticker: 'AAPL' });
    }
    // Every downstream client saw the same upstream publications.
    expect(new Set(events.map((list) => list.at(-1)?.timestamp.getTime())).size).toBeLessThanOrEqual(2);
    expect(upstream.subscriptions()).toEqual([
      expect.objectContaining({ path: PATH, params: { ticker: 'AAPL' } }),
    ]);
    await until('upstream unsubscribed after the linger', () => upstream.stats().subscriptions === 0, 5_000);
    expect(relay.stats()).toMatchObject({ topics: 0, upstreamSubscriptions: 0 });
  });

  it('maps every spelling of a topic onto one upstream subscription and echoes each its own', async () => {
    const relay = await start();
    const token = await relayToken(relay);
    const bare = await connected(h.connect(relay.url, token));
    const full = await connected(h.connect(relay.url, token));
    expect(
      await ack(bare, 'subscribe', { path: 'crowd-sentiment', params: { ticker: 'TSLA' } }, 5000),
    ).toBeNull();
    expect(await ack(full, 'subscribe', { path: PATH, params: { ticker: 'TSLA' } }, 5000)).toBeNull();
    const [bareEvent] = (await nextEvent(bare, 'data', 3000)) as [
      { path: string; results: { ticker: string }[] },
    ];
    const [fullEvent] = (await nextEvent(full, 'data', 3000)) as [{ path: string }];
    expect(bareEvent.path).toBe('crowd-sentiment');
    expect(bareEvent.results[0]?.ticker).toBe('TSLA');
    expect(fullEvent.path).toBe(PATH);
    expect(upstream.stats().subscriptions).toBe(1);
    expect(relay.stats()).toMatchObject({
      sockets: 2,
      topics: 1,
      upstreamSubscriptions: 1,
      subscriptions: 2,
    });
  });

  it('forwards upstream refusals as the same ack error', async () => {
    const restricted = { [DEFAULT_API_KEY]: { paths: ['/real-time/tweet-buzz'] } };
    const relay = await start({ apiKeys: restricted });
    const token = await relayToken(relay);
    const socket = await connected(h.connect(relay.url, token));
    expect(await ack(socket, 'subscribe', { path: PATH, params: {} }, 8000)).toBe(
      `This API key may not use ${PATH} (restricted endpoint) (the relay asks upstream again in 30 s)`,
    );
    expect(relay.stats()).toMatchObject({ topics: 0, subscriptions: 0 });
    // The client sees it as a SubscribeError, as from upstream itself.
    const error: unknown = await firstValueFrom(downstream(relay).subscribe$(PATH, {})).catch(
      (e: unknown) => e,
    );
    expect(isSubscribeError(error) && error.code === 'rejected' && error.message).toContain(
      'restricted endpoint',
    );
  });

  it("turns a refusal that comes after the ack into an ack error on the clients' re-subscription", async () => {
    const restricted = { [DEFAULT_API_KEY]: { paths: ['/real-time/tweet-buzz'] } };
    const relay = await start({ apiKeys: restricted });
    // Upstream acks later than the relay's settle window: downstream is acked before the refusal.
    upstream.setAckMode({ delay: 1000 });
    const started = Date.now();
    const error: unknown = await firstValueFrom(downstream(relay).subscribe$(PATH, {})).catch(
      (e: unknown) => e,
    );
    expect(isSubscribeError(error) && error.code === 'rejected' && error.message).toContain(
      `This API key may not use ${PATH} (restricted endpoint)`,
    );
    expect(Date.now() - started).toBeLessThan(8000);
    expect(relay.stats()).toMatchObject({ topics: 0, upstreamSubscriptions: 0 });
  }, 15_000);

  it('hides upstream token rotation and a dropped upstream connection from downstream', async () => {
    const rotating = await start({}, {}, { refreshEvery: 300 });
    const timestamps: number[] = [];
    const errors: unknown[] = [];
    const subscription = downstream(rotating)
      .subscribe$(PATH, { ticker: 'AAPL' })
      .subscribe({
        next: (event) => timestamps.push(event.timestamp.getTime()),
        error: (e) => errors.push(e),
      });
    await until('first events', () => timestamps.length > 5, 5_000);
    upstream.dropAllSockets();
    await delay(1500);
    const count = timestamps.length;
    await until('events again after the drop and the rotations', () => timestamps.length > count + 5, 5_000);
    subscription.unsubscribe();
    expect(errors).toEqual([]);
    expect(new Set(timestamps).size).toBe(timestamps.length);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    expect(upstream.stats().tokenRequests).toBeGreaterThanOrEqual(4);
  }, 15_000);

  it('refuses a secret shorter than 32 bytes', async () => {
    const options = { upstream: { url: 'http://127.0.0.1:1', apiKey: DEFAULT_API_KEY } };
    await expect(startRelay({ ...options, secret: 'abc' })).rejects.toThrow(
      'startRelay: the secret must have at least 32 bytes, got 3',
    );
    // 32 bytes in UTF-8 (16 two-byte characters) is enough.
    const relay = await startRelay({ ...options, secret: 'é'.repeat(16) });
    relays.push(relay);
  });

  it('validates downstream requests like the local server, limits included', async () => {
    const relay = await start({}, { maxSubscriptionsPerSocket: 1 });
    const socket = await connected(h.connect(relay.url, await relayToken(relay)));
    expect(await ack(socket, 'subscribe', { path: PATH, params: { ticker: 'aapl' } })).toMatch(
      /^Ticker must/,
    );
    expect(await ack(socket, 'subscribe', { path: PATH, params: {} }, 5000)).toBeNull();
    expect(await ack(socket, 'subscribe', { path: PATH, params: { ticker: 'MSFT' } })).toBe(
      'Limit reached: at most 1 subscriptions per socket (maxSubscriptionsPerSocket)',
    );
  });

  it('gives tokens only to whom authorize allows, and sockets only with its tokens', async () => {
    const relay = await start({}, { authorize: (request) => request.headers['x-user'] === 'alice' });
    const refused = await fetch(`${relay.url}/jwt`, { method: 'POST' });
    expect(refused.status).toBe(401);
    const allowed = await fetch(`${relay.url}/jwt`, { method: 'POST', headers: { 'x-user': 'alice' } });
    expect(allowed.status).toBe(200);
    const upstreamToken = (await (
      await fetch(`${upstream.url}/jwt`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(`${DEFAULT_API_KEY}:`).toString('base64')}` },
      })
    ).json()) as { token: string };
    const stranger = h.connect(relay.url, upstreamToken.token, { reconnection: false });
    const [error] = (await nextEvent(stranger, 'connect_error')) as [Error];
    expect(error.message).toMatch(/^invalid token/);
  });

  it('answers 500 with a readable reason when authorize throws something that is no Error', async () => {
    const relay = await start(
      {},
      {
        authorize: () => {
          throw { code: 42 };
        },
      },
    );
    const answer = await fetch(`${relay.url}/jwt`, { method: 'POST' });
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({
      error: { type: 'api_error', message: 'Token issuer failed: {"code":42}' },
    });
  });
});
