import { NEVER, Subject, type Observable } from 'rxjs';
import { createConnectionStream } from '../../lib/connection/connection-stream';
import type { SocketLike } from '../../lib/connection/socket-like';
import type { ClientState } from '../../lib/lifecycle/client-state';
import { createLifecycleRuntime } from '../../lib/lifecycle/lifecycle-runtime';
import { type PolicyOverrides, resolvePolicy } from '../../lib/lifecycle/policy';
import { createFakeServer, type FakeServerOptions } from '../../lib/testing/fake-server';
import { createTestScheduler } from '../support/marbles';

/**
 * (A check scheduled at the very frame of a timer runs before it: checks come a frame later.)
 * The connection stream on its own, in virtual time: a token stream written as marbles, the fake
 * server's sockets, the real lifecycle. Backoff of 100 ms, no jitter; ackTimeout 500 ms; linger 50 ms.
 */
let scheduler = createTestScheduler();

const connectionOf = (
  token$: Observable<string>,
  server: FakeServerOptions = {},
  policy: PolicyOverrides = {},
) => {
  const fake = createFakeServer(server);
  const resolved = resolvePolicy('spec', { retryWait: () => 100, ackTimeout: 500, linger: 50, ...policy });
  const lifecycle = createLifecycleRuntime(resolved, scheduler);
  const ready = new Subject<SocketLike>();
  const connection$ = createConnectionStream({
    url: 'http://fake',
    token$,
    sockets: { open: fake.socket },
    scheduler,
    policy: resolved,
    lifecycle,
    closing: NEVER,
    ready,
  });
  const states: ClientState[] = [];
  lifecycle.state$.subscribe((state) => states.push(state));
  return { fake, connection$, ready, states };
};

beforeEach(() => {
  scheduler = createTestScheduler();
});

describe('createConnectionStream', () => {
  it('opens one socket per token and emits it each time it connects', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const { fake, connection$ } = connectionOf(cold('a', { a: 't1' }), { connectDelay: 10 });
      expectObservable(connection$, '^ 100ms !').toBe('10ms s', {
        s: expect.objectContaining({ token: 't1' }),
      });
      scheduler.schedule(() => expect(fake.sockets).toHaveLength(1), 50);
    });
  });

  it('rotates make-before-break: the previous socket closes when the new one is ready, not before', () => {
    scheduler.run(({ cold }) => {
      const { fake, connection$, ready, states } = connectionOf(cold('a 99ms b', { a: 't1', b: 't2' }));
      connection$.subscribe();
      scheduler.schedule(() => {
        // t2's socket is connected; t1's still open: no handover yet.
        expect(fake.sockets.map((socket) => socket.connected)).toEqual([true, true]);
        ready.next(fake.sockets[1] as SocketLike);
        expect(fake.sockets.map((socket) => socket.connected)).toEqual([false, true]);
      }, 150);
      scheduler.schedule(() => expect(states).toEqual(['idle', 'connecting', 'connected']), 200);
    });
  });

  it('closes the previous socket after ackTimeout when the new one never gets ready', () => {
    scheduler.run(({ cold }) => {
      const { fake, connection$ } = connectionOf(cold('a 99ms b', { a: 't1', b: 't2' }));
      connection$.subscribe();
      scheduler.schedule(() => expect(fake.sockets[0]?.connected).toBe(true), 100 + 499);
      scheduler.schedule(() => expect(fake.sockets[0]?.connected).toBe(false), 100 + 501);
    });
  });

  it('hears only the newest socket: the old one dropping during the overlap is no news', () => {
    scheduler.run(({ cold }) => {
      const { fake, connection$, states } = connectionOf(cold('a 99ms b', { a: 't1', b: 't2' }));
      connection$.subscribe();
      scheduler.schedule(() => fake.sockets[0]?.deliver('disconnect', 'transport close'), 150);
      scheduler.schedule(() => expect(states.at(-1)).toBe('connected'), 160);
    });
  });

  it('fails a connect that takes longer than connectTimeout and tries again after the backoff', () => {
    scheduler.run(({ cold }) => {
      const { fake, connection$, states } = connectionOf(
        cold('a', { a: 't1' }),
        { connectDelay: 1_000 },
        { connectTimeout: 300, retryAttempts: 1 },
      );
      let failure: unknown;
      connection$.subscribe({ error: (error: unknown) => (failure = error) });
      scheduler.schedule(() => expect(states.at(-1)).toBe('reconnecting'), 301);
      // The retry at 400 gets 300 ms again, then it gives up (one retry allowed).
      scheduler.schedule(() => {
        expect(failure).toMatchObject({ name: 'ConnectionError', code: 'connect_timeout' });
        expect(states.at(-1)).toBe('failed');
        expect(fake.sockets).toHaveLength(1);
      }, 701);
    });
  });

  it('lingers after the last subscriber leaves, and a drop meanwhile ends it at once, with no retry', () => {
    scheduler.run(({ cold }) => {
      const { fake, connection$, states } = connectionOf(cold('a', { a: 't1' }), {}, { linger: 1_000 });
      const subscription = connection$.subscribe();
      scheduler.schedule(() => subscription.unsubscribe(), 10);
      scheduler.schedule(() => expect(fake.sockets[0]?.connected).toBe(true), 500);
      scheduler.schedule(() => fake.dropAll(), 600);
      scheduler.schedule(() => {
        expect(fake.sockets[0]?.connected).toBe(false);
        expect(states.at(-1)).toBe('idle'); // no `reconnecting`, no problem
        expect(states).not.toContain('reconnecting');
      }, 601);
    });
  });

  it('closes the socket linger ms after the last subscriber left', () => {
    scheduler.run(({ cold }) => {
      const { fake, connection$ } = connectionOf(cold('a', { a: 't1' }));
      const subscription = connection$.subscribe();
      scheduler.schedule(() => subscription.unsubscribe(), 10);
      scheduler.schedule(() => expect(fake.sockets[0]?.connected).toBe(true), 59);
      scheduler.schedule(() => expect(fake.sockets[0]?.connected).toBe(false), 61);
    });
  });
});
