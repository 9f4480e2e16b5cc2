import {
  type Observable,
  type Subscription,
  filter,
  firstValueFrom,
  ignoreElements,
  lastValueFrom,
  of,
  take,
  timeout,
  toArray,
} from 'rxjs';
import { io, type Socket } from 'socket.io-client';
import { createClient, type MarketProphitClient } from '../../lib/client/create-client';
import type { ClientOptions } from '../../lib/client/options';
import { startServer, type LocalServer, type ServerLogEntry, type ServerOptions } from '../../lib/server';
import type { RetryWait } from '../../lib/lifecycle/policy';
import { clientOptions } from './client-options';

/** What a harness' servers and clients get unless a test says otherwise. */
export interface HarnessDefaults {
  /** The local server's publishing interval, in ms. */
  readonly interval?: number;
  /** The clients' linger, in ms. */
  readonly linger?: number;
  /** The clients' retry wait: fast, so reconnects and token retries take tens of ms. */
  readonly retryWait?: RetryWait;
}

/**
 * Servers, clients, raw sockets and subscriptions a spec opened; `cleanUp()` in `afterEach` closes them
 * all (clients first, once their sockets closed, then servers), so a failing test cannot leave a socket
 * or a timer behind.
 */
export const harness = ({ interval = 15, linger = 20, retryWait = () => 50 }: HarnessDefaults = {}) => {
  const servers: LocalServer[] = [];
  const clients: MarketProphitClient[] = [];
  const sockets: Socket[] = [];
  const subscriptions: Subscription[] = [];
  return {
    /** The in-process servers started so far and not closed. */
    servers: servers as readonly LocalServer[],
    async start(options: ServerOptions = {}): Promise<LocalServer> {
      const server = await startServer({ port: 0, interval, ...options });
      servers.push(server);
      return server;
    },
    /** A client of `server` (or of a url) with the harness' defaults under `options`. */
    client(
      server: Pick<LocalServer, 'url'> | string,
      options: Partial<ClientOptions> = {},
    ): MarketProphitClient {
      const url = typeof server === 'string' ? server : server.url;
      const client = createClient(clientOptions({ url, retryWait, linger }, options));
      clients.push(client);
      return client;
    },
    /** A raw socket.io-client socket, for specs of the server itself. */
    connect(url: string, token: string | undefined, extra: Parameters<typeof io>[1] = {}): Socket {
      const socket = io(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 20,
        reconnectionDelayMax: 50,
        ...(token === undefined ? {} : { query: { token } }),
        ...extra,
      });
      sockets.push(socket);
      return socket;
    },
    /** Keeps a subscription for `cleanUp()`. */
    track(subscription: Subscription): Subscription {
      subscriptions.push(subscription);
      return subscription;
    },
    async cleanUp(): Promise<void> {
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
      // Every client's socket closed (after its linger) before the servers go, so nothing is left running.
      await Promise.all(
        clients.splice(0).map((client) =>
          firstValueFrom(
            client.state$.pipe(
              filter((state) => state === 'idle' || state === 'failed'),
              timeout({ first: linger + 3_000, with: () => of('still open') }),
            ),
          ),
        ),
      );
      for (const socket of sockets.splice(0)) socket.disconnect();
      await Promise.all(servers.splice(0).map((server) => server.close()));
    },
  };
};

/** The next `count` values of `source$`, or a rejection after `ms`. */
export const next = <T>(source$: Observable<T>, count = 1, ms = 3_000): Promise<T[]> =>
  firstValueFrom(source$.pipe(take(count), toArray(), timeout(ms)));

/** The error `source$` ends with; rejects if it completes, or after `ms`. */
export const errorOf = async (source$: Observable<unknown>, ms = 3_000): Promise<unknown> => {
  try {
    await lastValueFrom(source$.pipe(ignoreElements(), timeout(ms)));
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, the stream completed');
};

/** Intersection, not `Extract`: the `subscribe` entry's `type` is `'subscribe' | 'unsubscribe'`. */
export type EntryOf<Type extends ServerLogEntry['type']> = ServerLogEntry & { readonly type: Type };

/** The server's log entries of one type, oldest first. */
export const logged = <Type extends ServerLogEntry['type']>(
  server: LocalServer,
  type: Type,
): EntryOf<Type>[] => server.log.filter((entry): entry is EntryOf<Type> => entry.type === type);
