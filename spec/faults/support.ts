import { createHook } from 'node:async_hooks';
import { type Subscription } from 'rxjs';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientState } from '../../lib/lifecycle/client-state';
import type { MarketProphitClient } from '../../lib/client/create-client';
import type { ClientOptions } from '../../lib/client/options';
import { forkServing, type ServingProcess } from '../support/child-process';
import { harness as baseHarness, type EntryOf } from '../support/harness';
import { delay, until } from '../support/wait';
import type { SocketFactory } from '../../lib/connection/socket-like';
import {
  type LocalServer,
  type ServerLogEntry,
  type ServerOptions,
  type ServerStats,
} from '../../lib/server';

export const CROWD = '/real-time/crowd-sentiment';
export const VOLUME = '/real-time/tweet-volume';
export const BUZZ = '/real-time/tweet-buzz';
export const MP = '/real-time/market-prophit-sentiment';
export const TICKERS = ['AAPL', 'TSLA', 'MSFT', 'AMZN', '6E_F'] as const;

/** A small seeded PRNG (mulberry32): the same seed replays the same operations. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
};

/**
 * Timers created from now on and still pending. `process.getActiveResourcesInfo()` counts jest's own
 * timers too, which come and go while a test runs, so a leaked timer could hide behind one of them.
 */
const trackTimers = () => {
  const pending = new Map<number, string>();
  let ignoring = false;
  const hook = createHook({
    init: (id, type) => {
      if (type === 'Timeout' && !ignoring) pending.set(id, new Error().stack ?? '');
    },
    destroy: (id) => {
      pending.delete(id);
    },
  }).enable();
  return {
    /** Waits up to `ms` for every tracked timer to be done (with polling timers of its own, untracked). */
    async settled(ms: number): Promise<string[]> {
      const deadline = Date.now() + ms;
      while (pending.size > 0 && Date.now() < deadline) {
        ignoring = true;
        const poll = delay(10);
        ignoring = false;
        await poll;
      }
      return [...pending.values()];
    },
    stop: () => hook.disable(),
  };
};

/** Every server log entry of one type from now on (`events$`, so `logLimit` cannot drop any). */
export const record = <Type extends ServerLogEntry['type']>(
  server: LocalServer,
  type: Type,
): { readonly entries: EntryOf<Type>[]; readonly subscription: Subscription } => {
  const entries: EntryOf<Type>[] = [];
  const subscription = server.events$.subscribe((entry) => {
    if (entry.type === type) entries.push(entry as EntryOf<Type>);
  });
  return { entries, subscription };
};

/** A local server in a child process: SIGKILL-able, restartable on the same port. */
export type ServerProcess = ServingProcess<ServerStats>;

const CLIENT_EVENTS = ['connect', 'disconnect', 'connect_error', 'error', 'data'] as const;

/**
 * What one scenario opened: servers (in process or child processes), clients, their sockets and the
 * subscriptions. `release()` ends the client side and checks that nothing leaked; `cleanUp()`
 * (afterEach) closes the rest even when a test failed half-way.
 */
export const harness = () => {
  const linger = 50;
  // Servers, clients and subscriptions are the shared harness'; this one adds child processes, the
  // recorded sockets and the leak checks.
  const base = baseHarness({ interval: 10, linger, retryWait: () => 30 });
  const children: ServerProcess[] = [];
  const subscriptions: Subscription[] = [];
  const sockets: Socket[] = [];
  let timers: ReturnType<typeof trackTimers> | undefined;
  // From the scenario's first server or client on.
  const baseline = () => {
    timers ??= trackTimers();
  };

  return {
    /** Every socket the harness' clients opened, oldest first. */
    sockets: sockets as readonly Socket[],
    async start(options: ServerOptions = {}): Promise<LocalServer> {
      baseline();
      return base.start(options);
    },
    async fork(options: { readonly port?: number; readonly secret: string }): Promise<ServerProcess> {
      baseline();
      const server = await forkServing('server', {
        port: options.port ?? 0,
        secret: options.secret,
        interval: 10,
        logLimit: 50,
      });
      children.push(server);
      return server;
    },
    /** A client with fast retries, a short linger and a socket factory that records its sockets. */
    client(
      url: string,
      options: Partial<ClientOptions> = {},
      socketOptions: Partial<ManagerOptions & SocketOptions> = {},
    ): MarketProphitClient {
      baseline();
      const factory: SocketFactory = (target, { query, reconnection }) => {
        const socket = io(target, {
          query: { ...query },
          forceNew: true,
          transports: ['websocket'],
          reconnection,
          ...socketOptions,
        });
        sockets.push(socket);
        return socket;
      };
      return base.client(url, { socket: factory, ...options });
    },
    track(subscription: Subscription): Subscription {
      subscriptions.push(subscription);
      return subscription;
    },
    /** What `client` shows while AAPL's crowd sentiment streams: its states, the events' timestamps, errors. */
    watch(client: MarketProphitClient): {
      readonly states: ClientState[];
      readonly received: Date[];
      readonly errors: unknown[];
    } {
      const states: ClientState[] = [];
      const received: Date[] = [];
      const errors: unknown[] = [];
      subscriptions.push(
        client.state$.subscribe((state) => states.push(state)),
        client.subscribe$(CROWD, { ticker: 'AAPL' }).subscribe({
          next: (event) => received.push(event.timestamp),
          error: (error: unknown) => errors.push(error),
        }),
      );
      return { states, received, errors };
    },
    /**
     * Unsubscribes everything, then checks the leaks: no socket left on any running server once the
     * linger passed, no listener left on any socket the client opened, and (after the servers closed)
     * no timer created during the scenario still pending.
     */
    async release(): Promise<void> {
      subscriptions.splice(0).forEach((subscription) => subscription.unsubscribe());
      const running = children.filter((child) => child.alive);
      await until(
        'every server to see its sockets closed',
        async () => {
          const counts = [
            ...base.servers.map((server) => server.stats().sockets),
            ...(await Promise.all(running.map(async (child) => (await child.stats()).sockets))),
          ];
          return counts.every((count) => count === 0);
        },
        linger + 2_000,
      );
      const left = sockets.flatMap((socket, index) => [
        ...(socket.connected ? [`socket ${index} still connected`] : []),
        ...CLIENT_EVENTS.filter((event) => socket.listeners(event).length > 0).map(
          (event) => `socket ${index}: ${socket.listeners(event).length} '${event}' listener(s)`,
        ),
      ]);
      expect(left).toEqual([]);
      await base.cleanUp();
      await Promise.all(children.splice(0).map((child) => child.kill()));
      const timersLeft = (await timers?.settled(2_000)) ?? [];
      if (timersLeft.length > 0) {
        throw new Error(
          `${timersLeft.length} timer(s) of the scenario still pending:\n${timersLeft.join('\n\n')}`,
        );
      }
    },
    async cleanUp(): Promise<void> {
      timers?.stop();
      subscriptions.splice(0).forEach((subscription) => subscription.unsubscribe());
      sockets.forEach((socket) => socket.disconnect());
      await base.cleanUp();
      await Promise.all(children.splice(0).map((child) => child.kill()));
    },
  };
};
