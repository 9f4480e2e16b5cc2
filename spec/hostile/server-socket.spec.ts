import type { Socket } from 'socket.io-client';
import type { LocalServer, ServerOptions } from '../../lib/server';
import { ack, connected, getToken, nextEvent } from '../server/helpers';
import { harness } from '../support/harness';

const PATH = '/real-time/crowd-sentiment';

/** Text of `depth` nested arrays around `inner`: built as text, since serializing it would overflow. */
const nestedArrays = (depth: number, inner = '1'): string =>
  `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

/** A raw socket.io EVENT with ack id `id`, written under the client's encoder (which recurses). */
const rawEmit = (socket: Socket, id: number, event: string, json: string): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const engine = socket.io.engine;
    const timer = setTimeout(() => {
      engine.off('packet', listener);
      reject(new Error(`no ack ${id} within 3 s`));
    }, 3000);
    const listener = (packet: { type: string; data?: unknown }) => {
      const prefix = `3${id}`;
      if (packet.type !== 'message' || typeof packet.data !== 'string' || !packet.data.startsWith(prefix))
        return;
      clearTimeout(timer);
      engine.off('packet', listener);
      resolve((JSON.parse(packet.data.slice(prefix.length)) as unknown[])[0]);
    };
    engine.on('packet', listener);
    engine.write(`2${id}["${event}",${json}]`);
  });

describe('the local server answers hostile socket calls with ack errors and keeps serving', () => {
  const h = harness({ interval: 20 });
  afterEach(() => h.cleanUp());

  /** A server, a hostile socket, and a bystander subscribed to PATH whose data events are counted. */
  const open = async (options: ServerOptions = {}) => {
    const server = await h.start(options);
    const hostile = await connected(h.connect(server.url, await getToken(server), { reconnection: false }));
    const bystander = await connected(h.connect(server.url, await getToken(server)));
    expect(await ack(bystander, 'subscribe', { path: PATH, params: { ticker: 'AAPL' } })).toBeNull();
    return { server, hostile, bystander };
  };
  const stillServes = async (server: LocalServer, bystander: Socket) => {
    await nextEvent(bystander, 'data');
    expect(await getToken(server)).toMatch(/^ey/);
  };

  it.each(['subscribe', 'unsubscribe'])('refuses %s params nested 30,000 levels deep', async (event) => {
    const { server, hostile, bystander } = await open();
    const deepParams = `{"path":"${PATH}","params":{"ticker":${nestedArrays(30_000)}}}`;
    expect(await rawEmit(hostile, 900_001, event, deepParams)).toBe(
      `${event} options.params.ticker must be a string, number, boolean or null`,
    );
    const deepOptions = nestedArrays(30_000, '{}');
    expect(await rawEmit(hostile, 900_002, event, deepOptions)).toBe(
      `${event} options must be an object like { path, params }`,
    );
    expect(hostile.connected).toBe(true);
    await stillServes(server, bystander);
  });

  it('survives calls without an ack callback, or with something else in its place', async () => {
    const { server, hostile, bystander } = await open();
    hostile.emit('subscribe');
    hostile.emit('subscribe', { path: PATH, params: {} });
    hostile.emit('subscribe', { path: PATH, params: {} }, 'not a function');
    hostile.emit('unsubscribe', 42, { not: 'a function' });
    hostile.emit('unsubscribe', null, null);
    hostile.emit('subscribe', () => undefined);
    await stillServes(server, bystander);
    expect(await ack(hostile, 'subscribe', { path: PATH, params: {} })).toBeNull();
  });

  it('refuses one subscription over maxSubscriptionsPerSocket, and takes it after an unsubscribe', async () => {
    const { server, hostile, bystander } = await open({ maxSubscriptionsPerSocket: 3 });
    for (const ticker of ['A', 'B', 'C']) {
      expect(await ack(hostile, 'subscribe', { path: PATH, params: { ticker } })).toBeNull();
    }
    // Subscribing twice to the same thing is one subscription: not refused.
    expect(await ack(hostile, 'subscribe', { path: PATH, params: { ticker: 'A' } })).toBeNull();
    expect(await ack(hostile, 'subscribe', { path: PATH, params: { ticker: 'D' } })).toBe(
      'Limit reached: at most 3 subscriptions per socket (maxSubscriptionsPerSocket)',
    );
    expect(await ack(hostile, 'unsubscribe', { path: PATH, params: { ticker: 'A' } })).toBeNull();
    expect(await ack(hostile, 'subscribe', { path: PATH, params: { ticker: 'D' } })).toBeNull();
    expect(server.subscriptions().filter((entry) => entry.socketId === hostile.id)).toHaveLength(3);
    await stillServes(server, bystander);
  });

  it('refuses calls over maxCallsPerSecond with an ack error', async () => {
    const { server, hostile, bystander } = await open({ maxCallsPerSecond: 5 });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => ack(hostile, 'unsubscribe', { path: PATH, params: {} })),
    );
    expect(answers.filter((answer) => answer === null)).toHaveLength(5);
    expect(answers.filter((answer) => typeof answer === 'string')).toEqual(
      Array(3).fill(
        'Too many calls: at most 5 subscribe/unsubscribe calls per second per socket (maxCallsPerSecond)',
      ),
    );
    await stillServes(server, bystander);
  });

  it('closes the connection of a message over maxPayloadBytes, and only that one', async () => {
    const { server, hostile, bystander } = await open({ maxPayloadBytes: 10_000 });
    const closed = nextEvent(hostile, 'disconnect', 3000);
    hostile.emit('subscribe', { path: PATH, params: { ticker: 'x'.repeat(20_000) } });
    expect((await closed)[0]).toBe('transport close');
    expect(bystander.connected).toBe(true);
    await stillServes(server, bystander);
  });

  it('refuses long paths and many params without echoing them whole', async () => {
    const { server, hostile, bystander } = await open();
    expect(await ack(hostile, 'subscribe', { path: `/${'a'.repeat(5000)}`, params: {} })).toBe(
      'subscribe options.path is longer than 200 characters',
    );
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`p${index}`, index]));
    expect(await ack(hostile, 'subscribe', { path: PATH, params: many })).toBe(
      'subscribe options.params has more than 20 entries',
    );
    await stillServes(server, bystander);
  });
});
