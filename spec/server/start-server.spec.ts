import { DEFAULT_TICKERS, startServer } from '../../lib/server';
import { ack, collect, connected, getToken, type DataEvent } from './helpers';
import { harness } from '../support/harness';

const h = harness({ interval: 20 });
afterEach(() => h.cleanUp());

describe('startServer', () => {
  it('listens on 127.0.0.1 on a free port and says so in url', async () => {
    const server = await h.start({ seed: 12 });
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.seed).toBe(12);
    expect(server.secret.length).toBeGreaterThan(20);
    expect(server.stats()).toEqual({ sockets: 0, tokenRequests: 0, subscriptions: 0 });
  });

  it('serves the default tickers when params names none', async () => {
    const server = await h.start();
    const socket = await connected(h.connect(server.url, await getToken(server)));
    await ack(socket, 'subscribe', { path: '/real-time/tweet-volume', params: {} });
    const [event] = (await collect(socket, 1)) as DataEvent[];
    expect(event?.results.map((record) => record['ticker'])).toEqual([...DEFAULT_TICKERS]);
  });

  it('rejects bad options before listening, each by name', async () => {
    await expect(startServer({ interval: 0 })).rejects.toThrow(
      'startServer: interval must be a positive number, got 0',
    );
    await expect(startServer({ tokenTtl: -1 })).rejects.toThrow(RangeError);
    await expect(startServer({ port: 70_000 })).rejects.toThrow('startServer: port must be a TCP port');
    await expect(startServer({ port: 1.5 })).rejects.toThrow('startServer: port');
    await expect(startServer({ tickers: [] })).rejects.toThrow(
      'startServer: tickers must be a non-empty list',
    );
    await expect(startServer({ logLimit: -1 })).rejects.toThrow('startServer: logLimit');
    await expect(startServer({ seed: Number.NaN })).rejects.toThrow('startServer: seed must be an integer');
    await expect(startServer({ maxTopics: 0 })).rejects.toThrow('maxTopics must be a whole number >= 1');
  });

  it('rejects when the port is taken', async () => {
    const server = await h.start();
    await expect(startServer({ port: server.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
