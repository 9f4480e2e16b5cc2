import type { Socket } from 'socket.io-client';
import { realTimeSpecs } from '../../lib/endpoints/real-time-specs';
import { TICKER_MESSAGE, type LocalServer, type ServerOptions } from '../../lib/server';
import { ack, collect, connected, decodeClaims, getToken, nextEvent, type DataEvent } from './helpers';
import { harness } from '../support/harness';
import { delay } from '../support/wait';

const h = harness({ interval: 20 });
afterEach(() => h.cleanUp());

const DECIMAL = /^-?\d+\.\d{16}$/;

const open = async (
  options: ServerOptions = {},
  key?: string,
): Promise<{ server: LocalServer; socket: Socket }> => {
  const server = await h.start(options);
  const socket = await connected(h.connect(server.url, await getToken(server, key)));
  return { server, socket };
};

describe('subscribe / data', () => {
  it('acks null and sends data events of the protocol shape, params and path echoed as sent', async () => {
    const { server, socket } = await open();
    const options = { path: '/real-time/crowd-sentiment', params: { ticker: 'AAPL' } };
    expect(await ack(socket, 'subscribe', options)).toBeNull();
    const events = (await collect(socket, 3)) as DataEvent[];
    for (const event of events) {
      expect(Object.keys(event).sort()).toEqual(['params', 'path', 'results', 'timestamp']);
      expect(event.path).toBe('/real-time/crowd-sentiment');
      expect(event.params).toEqual({ ticker: 'AAPL' });
      expect(new Date(event.timestamp).toISOString()).toBe(event.timestamp);
      expect(event.results).toHaveLength(1);
      const [record] = event.results;
      expect(record?.['ticker']).toBe('AAPL');
      expect(record?.['crowd_sentiment']).toMatch(DECIMAL);
      expect(Math.abs(Number(record?.['crowd_sentiment']))).toBeLessThanOrEqual(1);
      expect(new Date(record?.['ts'] ?? '').toISOString()).toBe(record?.['ts']);
    }
    expect(server.subscriptions()).toEqual([{ socketId: socket.id, ...options }]);
    expect(server.log).toContainEqual(
      expect.objectContaining({ type: 'subscribe', socketId: socket.id, options, error: null }),
    );
  });

  it('what the client receives is what the server logged as sent', async () => {
    const { server, socket } = await open({ seed: 42 });
    // listen before subscribing: a data packet can arrive in the same read as the ack
    const collected = collect(socket, 3);
    await ack(socket, 'subscribe', { path: '/real-time/tweet-volume', params: { ticker: 'TSLA' } });
    const received = (await collected) as DataEvent[];
    const sent = server.log.filter((entry) => entry.type === 'sent').slice(0, 3);
    expect(received).toEqual(
      sent.map(({ params, path, results, timestamp }) => ({ params, path, results, timestamp })),
    );
  });

  it('sends one record per configured ticker when params names none', async () => {
    const { socket } = await open({ tickers: ['AAPL', '6E_F', 'ZW_F'] });
    expect(await ack(socket, 'subscribe', { path: 'market-prophit-sentiment', params: {} })).toBeNull();
    const [event] = (await collect(socket, 1)) as DataEvent[];
    expect(event?.path).toBe('market-prophit-sentiment');
    expect(event?.params).toEqual({});
    expect(event?.results.map((record) => record['ticker'])).toEqual(['AAPL', '6E_F', 'ZW_F']);
  });

  it('gives a seed the same values on two servers', async () => {
    const values = async () => {
      const { socket } = await open({ seed: 99 });
      // listen before subscribing: a data packet can arrive in the same read as the ack
      const collected = collect(socket, 4);
      await ack(socket, 'subscribe', { path: '/real-time/tweet-buzz', params: { ticker: 'MSFT' } });
      const events = (await collected) as DataEvent[];
      return events.map((event) => event.results[0]?.['buzz']);
    };
    const [a, b] = await Promise.all([values(), values()]);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(4);
  });

  it.each(Object.entries(realTimeSpecs))(
    '%s: records with exactly its catalogue fields',
    async (path, spec) => {
      const { socket } = await open();
      const params = spec.params === 'none' ? {} : { ticker: 'AMZN' };
      expect(await ack(socket, 'subscribe', { path, params })).toBeNull();
      const [event] = (await collect(socket, 1)) as DataEvent[];
      expect(event?.path).toBe(path);
      expect(event?.results.length).toBeGreaterThan(0);
      for (const record of event?.results ?? []) {
        expect(Object.keys(record).sort()).toEqual(Object.keys(spec.fields).sort());
        for (const [name, field] of Object.entries(spec.fields)) {
          if (field.kind === 'decimal') expect(record[name]).toMatch(DECIMAL);
          if (field.kind === 'integer') expect(record[name]).toMatch(/^\d+$/);
        }
        if (spec.params !== 'none') expect(record['ticker']).toBe('AMZN');
      }
    },
  );

  it('counts the same (path, params) twice on one socket as one subscription', async () => {
    const { server, socket } = await open();
    await ack(socket, 'subscribe', {
      path: '/real-time/tweet-buzz',
      params: { ticker: 'AAPL', other: undefined },
    });
    await ack(socket, 'subscribe', { path: '/real-time/tweet-buzz', params: { ticker: 'AAPL' } });
    expect(server.stats().subscriptions).toBe(1);
    await ack(socket, 'subscribe', { path: 'tweet-buzz', params: { ticker: 'AAPL' } });
    expect(server.stats().subscriptions).toBe(2); // another path as sent: events echo each one
  });

  it('unsubscribe stops the data; unsubscribing again is fine', async () => {
    const { server, socket } = await open();
    const options = { path: '/real-time/tweet-buzz', params: { ticker: 'AAPL' } };
    await ack(socket, 'subscribe', options);
    await collect(socket, 2);
    expect(await ack(socket, 'unsubscribe', { params: { ticker: 'AAPL' }, path: options.path })).toBeNull();
    expect(server.stats().subscriptions).toBe(0);
    expect(server.subscriptions()).toEqual([]);
    const late: unknown[] = [];
    socket.on('data', (event: unknown) => late.push(event));
    await delay(100);
    expect(late).toEqual([]);
    expect(await ack(socket, 'unsubscribe', options)).toBeNull();
    expect(server.log).toContainEqual(expect.objectContaining({ type: 'unsubscribe', options, error: null }));
  });

  it('forgets the subscriptions of a socket that disconnects', async () => {
    const { server, socket } = await open();
    await ack(socket, 'subscribe', { path: '/real-time/tweet-buzz', params: {} });
    expect(server.stats()).toEqual({ sockets: 1, tokenRequests: 1, subscriptions: 1 });
    socket.disconnect();
    await delay(50);
    expect(server.stats()).toEqual({ sockets: 0, tokenRequests: 1, subscriptions: 0 });
    expect(server.log).toContainEqual(
      expect.objectContaining({ type: 'disconnect', reason: 'client namespace disconnect' }),
    );
  });
});

describe('subscribe errors', () => {
  const cases: [string, unknown, string][] = [
    ['non-object options', 'crowd-sentiment', 'subscribe options must be an object like { path, params }'],
    ['null options', null, 'subscribe options must be an object like { path, params }'],
    [
      'a missing path',
      { params: {} },
      "subscribe options.path must be a non-empty string like '/real-time/crowd-sentiment'",
    ],
    [
      'missing params',
      { path: '/real-time/crowd-sentiment' },
      'subscribe options.params must be an object ({} for every ticker)',
    ],
    [
      'non-object params',
      { path: '/real-time/crowd-sentiment', params: 'AAPL' },
      'subscribe options.params must be an object ({} for every ticker)',
    ],
    ['an unknown path', { path: '/real-time/nope', params: {} }, 'Unknown path: /real-time/nope'],
    ['an empty ticker', { path: '/real-time/crowd-sentiment', params: { ticker: '' } }, TICKER_MESSAGE],
    [
      'a 21-letter ticker',
      { path: '/real-time/crowd-sentiment', params: { ticker: 'A'.repeat(21) } },
      TICKER_MESSAGE,
    ],
    [
      'a ticker with a space',
      { path: '/real-time/crowd-sentiment', params: { ticker: 'AA PL' } },
      TICKER_MESSAGE,
    ],
    ['a numeric ticker', { path: '/real-time/crowd-sentiment', params: { ticker: 42 } }, TICKER_MESSAGE],
    // One rule with the client (lib/endpoints/ticker.ts): upstream's tickers are upper case.
    [
      'a lower-case ticker',
      { path: '/real-time/crowd-sentiment', params: { ticker: 'aapl' } },
      TICKER_MESSAGE,
    ],
    [
      'an unknown param',
      { path: '/real-time/crowd-sentiment', params: { symbol: 'AAPL' } },
      "Unknown param 'symbol' for /real-time/crowd-sentiment (it takes { ticker? })",
    ],
    [
      'params on a path that takes none',
      { path: '/real-time/user-sentiment', params: { ticker: 'AAPL' } },
      '/real-time/user-sentiment takes no params (use {})',
    ],
  ];

  it.each(cases)('acks an error message for %s', async (_name, options, message) => {
    const { server, socket } = await open();
    expect(await ack(socket, 'subscribe', options)).toBe(message);
    expect(server.stats().subscriptions).toBe(0);
    expect(server.log).toContainEqual(expect.objectContaining({ type: 'subscribe', error: message }));
  });

  it('accepts upper-case tickers of letters, digits and underscores up to 20', async () => {
    const { socket } = await open();
    for (const ticker of ['6E_F', 'ZW_F', 'EURAUD', 'A'.repeat(20), 'BRK1']) {
      expect(
        await ack(socket, 'subscribe', { path: '/real-time/crowd-sentiment', params: { ticker } }),
      ).toBeNull();
    }
  });

  it('refuses a path the key is not entitled to', async () => {
    const apiKeys = { sk_test_full: {}, sk_test_buzz: { paths: ['tweet-buzz'] } };
    const { socket } = await open({ apiKeys }, 'sk_test_buzz');
    expect(await ack(socket, 'subscribe', { path: '/real-time/tweet-buzz', params: {} })).toBeNull();
    expect(await ack(socket, 'subscribe', { path: '/real-time/tweet-volume', params: {} })).toBe(
      'This API key may not use /real-time/tweet-volume (restricted endpoint)',
    );
  });

  it("names the restricted key's paths in its token", async () => {
    const server = await h.start({ apiKeys: { sk_test_buzz: { paths: ['tweet-buzz'] } } });
    expect(decodeClaims(await getToken(server, 'sk_test_buzz'))['streaming_endpoint_paths']).toEqual([
      '/real-time/tweet-buzz',
    ]);
  });

  it('lets an unrestricted key use every path', async () => {
    const apiKeys = { sk_test_full: {}, sk_test_buzz: { paths: ['tweet-buzz'] } };
    const { socket } = await open({ apiKeys }, 'sk_test_full');
    expect(await ack(socket, 'subscribe', { path: '/real-time/tweet-volume', params: {} })).toBeNull();
  });

  it('acks unsubscribe errors for malformed options only', async () => {
    const { socket } = await open();
    expect(await ack(socket, 'unsubscribe', 42)).toBe(
      'unsubscribe options must be an object like { path, params }',
    );
    expect(await ack(socket, 'unsubscribe', { path: '/real-time/nope', params: {} })).toBeNull();
  });

  it('survives requests without a callback, or with only a callback', async () => {
    const { server, socket } = await open();
    socket.emit('subscribe', { path: '/real-time/tweet-buzz', params: {} });
    socket.emit('subscribe', 'garbage');
    socket.emit('unsubscribe');
    const [error] = await new Promise<unknown[]>((resolve) =>
      socket.emit('subscribe', (...args: unknown[]) => resolve(args)),
    );
    expect(error).toBe('subscribe options must be an object like { path, params }');
    expect(server.stats().subscriptions).toBe(1);
    expect(((await nextEvent(socket, 'data'))[0] as DataEvent).path).toBe('/real-time/tweet-buzz');
  });
});
