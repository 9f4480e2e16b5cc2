import {
  type Observable,
  type Subscription,
  firstValueFrom,
  ignoreElements,
  filter,
  lastValueFrom,
  of,
  take,
  timeout,
  toArray,
} from 'rxjs';
import { createClient, type MarketProphitClient } from '../../lib/client/create-client';
import type { ClientOptions } from '../../lib/client/options';
import { clientOptions } from '../support/client-options';
import { startServer, type LocalServer, type ServerLogEntry, type ServerOptions } from '../../lib/server';

export const CROWD = '/real-time/crowd-sentiment';
export const VOLUME = '/real-time/tweet-volume';
export const BUZZ = '/real-time/tweet-buzz';
export const AAPL = { ticker: 'AAPL' } as const;
export const TSLA = { ticker: 'TSLA' } as const;

/** Fast retries, so reconnects and token retries take tens of ms. */
export const fastRetry = () => 50;

/**
 * Servers, clients and subscriptions a spec opened; `cleanUp()` in `afterEach` closes them all, so a
 * failing test cannot leave a socket or a timer behind.
 */
export const harness = () => {
  const servers: LocalServer[] = [];
  const clients: MarketProphitClient[] = [];
  const subscriptions: Subscription[] = [];
  return {
    async start(options: ServerOptions = {}): Promise<LocalServer> {
      const server = await startServer({ port: 0, interval: 15, ...options });
      servers.push(server);
      return server;
    },
    client(server: Pick<LocalServer, 'url'>, options: Partial<ClientOptions> = {}): MarketProphitClient {
      return createClient(clientOptions({ url: server.url, retryWait: fastRetry, linger: 20 }, options));
    },
    /** Keeps a subscription for `cleanUp()`. */
    track(subscription: Subscription): Subscription {
      subscriptions.push(subscription);
      return subscription;
    },
    async cleanUp(): Promise<void> {
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
      // Every socket closed (after its linger) before the servers go, so nothing is left running.
      await Promise.all(
        clients.splice(0).map((client) =>
          firstValueFrom(
            client.state$.pipe(
              filter((state) => state === 'idle' || state === 'failed'),
              timeout({ first: 3_000, with: () => of('still open') }),
            ),
          ),
        ),
      );
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

/** Resolves once `check()` is true, polling every 10 ms; rejects with `what` after `ms`. */
export const until = async (what: string, check: () => boolean, ms = 3_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Intersection, not `Extract`: the `subscribe` entry's `type` is `'subscribe' | 'unsubscribe'`. */
type EntryOf<Type extends ServerLogEntry['type']> = ServerLogEntry & { readonly type: Type };

/** The server's log entries of one type, oldest first. */
export const logged = <Type extends ServerLogEntry['type']>(
  server: LocalServer,
  type: Type,
): EntryOf<Type>[] => server.log.filter((entry): entry is EntryOf<Type> => entry.type === type);
