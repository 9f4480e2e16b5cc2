import type { Socket } from 'socket.io-client';
import type { LocalServer, ServerLogEntry } from '../../lib/server';
import { ack, collect, connected, getToken, nextEvent, type DataEvent } from './helpers';
import { harness } from '../support/harness';
import { delay } from '../support/wait';

const h = harness({ interval: 20 });
afterEach(() => h.cleanUp());

const open = async (): Promise<{ server: LocalServer; socket: Socket }> => {
  const server = await h.start();
  const socket = await connected(h.connect(server.url, await getToken(server)));
  return { server, socket };
};

const buzz = { path: '/real-time/tweet-buzz', params: { ticker: 'AAPL' } };

describe('fault injection', () => {
  it('dropAllSockets: the transport closes and socket.io-client reconnects by itself', async () => {
    const { server, socket } = await open();
    const firstId = socket.id;
    const disconnected = nextEvent(socket, 'disconnect');
    server.dropAllSockets();
    expect((await disconnected)[0]).toBe('transport close');
    await nextEvent(socket, 'connect');
    expect(socket.connected).toBe(true);
    expect(socket.id).not.toBe(firstId);
    expect(server.stats().sockets).toBe(1);
    // the server forgot the old socket's subscriptions: the client must subscribe again
    expect(await ack(socket, 'subscribe', buzz)).toBeNull();
    expect(server.subscriptions()).toEqual([{ socketId: socket.id, ...buzz }]);
  });

  it("disconnectAll: the client sees 'io server disconnect' and does not reconnect by itself", async () => {
    const { server, socket } = await open();
    const disconnected = nextEvent(socket, 'disconnect');
    server.disconnectAll();
    expect((await disconnected)[0]).toBe('io server disconnect');
    await delay(100);
    expect(socket.connected).toBe(false);
    expect(server.stats().sockets).toBe(0);
  });

  it("setAckMode('withhold'): no ack, but the subscription still takes effect", async () => {
    const { server, socket } = await open();
    server.setAckMode('withhold');
    expect(await ack(socket, 'subscribe', buzz, 150)).toBe('no ack');
    expect(server.stats().subscriptions).toBe(1);
    await collect(socket, 1);
    server.setAckMode('normal');
    expect(await ack(socket, 'unsubscribe', buzz)).toBeNull();
  });

  it('setAckMode({ delay }): the ack comes after the delay', async () => {
    const { server, socket } = await open();
    server.setAckMode({ delay: 150 });
    const started = Date.now();
    expect(await ack(socket, 'subscribe', { path: 'nope', params: {} })).toBe('Unknown path: nope');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('close() cancels delayed acks', async () => {
    const { server, socket } = await open();
    server.setAckMode({ delay: 10_000 });
    socket.emit('subscribe', buzz, () => undefined);
    await delay(30);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('injectRaw: every connected socket gets the payload as-is, on data or another event', async () => {
    const { server, socket } = await open();
    const other = await connected(h.connect(server.url, await getToken(server)));
    const payload = { path: '/real-time/tweet-buzz', params: {}, results: [{ ts: 'garbage' }], timestamp: 1 };
    const received = Promise.all([nextEvent(socket, 'data'), nextEvent(other, 'data')]);
    server.injectRaw(payload);
    expect((await received).map(([event]) => event)).toEqual([payload, payload]);
    const custom = nextEvent(socket, 'res');
    server.injectRaw('legacy', 'res');
    expect((await custom)[0]).toBe('legacy');
    expect(server.log).toContainEqual(
      expect.objectContaining({ type: 'injected', event: 'data', payload, sockets: 2 }),
    );
  });

  it('events$ streams every log entry as it happens and completes on close', async () => {
    const server = await h.start();
    const seen: ServerLogEntry['type'][] = [];
    let completed = false;
    server.events$.subscribe({ next: (entry) => seen.push(entry.type), complete: () => (completed = true) });
    const socket = await connected(h.connect(server.url, await getToken(server)));
    await ack(socket, 'subscribe', buzz);
    await collect(socket, 1);
    await server.close();
    expect(seen.slice(0, 4)).toEqual(['token', 'connect', 'subscribe', 'sent']);
    expect(completed).toBe(true);
  });

  it('keeps only the newest logLimit entries', async () => {
    const server = await h.start({ logLimit: 3 });
    const socket = await connected(h.connect(server.url, await getToken(server)));
    await ack(socket, 'subscribe', buzz);
    await collect(socket, 5);
    expect(server.log).toHaveLength(3);
    expect(server.log.every((entry) => entry.type === 'sent')).toBe(true);
  });
});

describe('data timing', () => {
  it('uses one cadence for every subscription', async () => {
    const { socket } = await open();
    await ack(socket, 'subscribe', buzz);
    await ack(socket, 'subscribe', { path: '/real-time/tweet-volume', params: {} });
    const events = (await collect(socket, 6)) as DataEvent[];
    const timestamps = new Set(events.map((event) => event.timestamp));
    expect(timestamps.size).toBe(3); // two events per tick
  });
});
