import { harness } from './support';
import { delay, until } from '../support/wait';

// socket.io's own reconnection (after a lost transport) backs off 1–5 s by default; shorter here so the
// scenario takes a second, not ten.
const FAST_RECONNECT = { reconnectionDelay: 50, reconnectionDelayMax: 200 };

describe('the server process is killed and restarted on the same port', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanUp());

  const run = async (secrets: { readonly before: string; readonly after: string }) => {
    const first = await h.fork({ secret: secrets.before });
    const { states, received, errors } = h.watch(h.client(first.url, {}, FAST_RECONNECT));
    await until('data from the first server', () => received.length >= 5);
    expect(await first.stats()).toEqual({ sockets: 1, tokenRequests: 1, subscriptions: 1 });

    await first.kill();
    const killedAt = Date.now();
    await until('reconnecting', () => states.at(-1) === 'reconnecting');
    const statesBefore = states.length - 1;
    const receivedWhileDown = received.length;
    await delay(100);
    expect(received.length).toBe(receivedWhileDown);

    const second = await h.fork({ port: first.port, secret: secrets.after });
    expect(second.url).toBe(first.url);
    await until('data from the restarted server', () => received.length >= receivedWhileDown + 5, 5_000);

    expect(errors).toEqual([]);
    expect(received.slice(receivedWhileDown).every((at) => at.getTime() > killedAt)).toBe(true);
    return { second, afterKill: states.slice(statesBefore), everState: states };
  };

  it('same secret: the old token still verifies; the same socket reconnects and re-subscribes', async () => {
    const { second, afterKill, everState } = await run({ before: 'same', after: 'same' });

    expect(afterKill).toEqual(['reconnecting', 'connected']);
    expect(everState).not.toContain('failed');
    expect(h.sockets).toHaveLength(1);
    expect(await second.stats()).toEqual({ sockets: 1, tokenRequests: 0, subscriptions: 1 });
    await h.release();
  }, 15_000);

  it('new secret: the old token is refused, exactly one fresh token, a new socket re-subscribes', async () => {
    const { second, afterKill, everState } = await run({ before: 'one', after: 'two' });

    expect(afterKill).toEqual(['reconnecting', 'authenticating', 'connecting', 'connected']);
    expect(everState).not.toContain('failed');
    expect(h.sockets).toHaveLength(2);
    expect(await second.stats()).toEqual({ sockets: 1, tokenRequests: 1, subscriptions: 1 });
    await h.release();
  }, 15_000);
});
