import type { Redis, RedisOptions } from 'ioredis';
import type { ServerOptions as IoOptions } from 'socket.io';
import { exponentialBackoff } from '../lifecycle/policy';
import { describeReason } from '../util/describe-reason';

/**
 * How long a Redis client waits before reconnect try number `n` (1, 2, …): the lifecycle's backoff
 * with jitter, from 100 ms up to 2 s, so a Redis that is back is found within about 2 s.
 */
export const REDIS_RECONNECT_WAIT = exponentialBackoff(100, 2_000);

/** Whether the relay's Redis clients are all connected; `reason` is what broke them. */
export interface RedisState {
  readonly up: boolean;
  readonly reason?: string;
}

/** The relay's three Redis clients: lease commands, and the socket.io adapter's publisher and subscriber. */
export interface RedisConnection {
  readonly commands: Redis;
  readonly adapter: NonNullable<IoOptions['adapter']>;
  /** True while every client is connected (`ready`). */
  readonly up: boolean;
  quit(): Promise<void>;
}

/**
 * A Redis outage costs no process: every client has an `error` listener; the adapter's publishes
 * (which it never awaits) resolve to 0 instead of rejecting while Redis is away; commands fail at
 * once instead of queueing; clients reconnect on {@link REDIS_RECONNECT_WAIT}. `onState` hears each
 * change of the whole (down once, up once), never each retry.
 */
export const connectRedis = async (
  url: string,
  onState: (state: RedisState) => void,
): Promise<RedisConnection> => {
  let modules;
  try {
    modules = await Promise.all([import('ioredis'), import('@socket.io/redis-adapter')]);
  } catch (error) {
    throw new Error(
      'startRelay: `redis` needs the optional peer dependencies: npm install ioredis @socket.io/redis-adapter',
      { cause: error },
    );
  }
  const [{ Redis: RedisClient }, { createAdapter }] = modules;
  const options = (offlineQueue: boolean): RedisOptions => ({
    lazyConnect: true,
    commandTimeout: 2000,
    maxRetriesPerRequest: 1,
    // The subscriber's (re)subscriptions wait for the connection; everything else fails at once.
    enableOfflineQueue: offlineQueue,
    retryStrategy: REDIS_RECONNECT_WAIT,
  });
  const commands = new RedisClient(url, options(false));
  const pub = new RedisClient(url, options(false));
  const sub = new RedisClient(url, options(true));
  const clients = [commands, pub, sub];

  let up = false;
  let lastError = '';
  let started = false;
  const update = () => {
    const now = clients.every((client) => client.status === 'ready');
    if (now === up) return;
    up = now;
    if (started) onState(now ? { up } : { up, reason: lastError || 'connection to Redis lost' });
  };
  for (const client of clients) {
    client.on('error', (error: unknown) => {
      lastError = describeReason(error);
    });
    client.on('ready', update);
    client.on('close', update);
    client.on('reconnecting', update);
    client.on('end', update);
  }

  try {
    await Promise.all(clients.map((client) => client.connect()));
  } catch (error) {
    clients.forEach((client) => client.disconnect());
    throw new Error(`startRelay: cannot connect to Redis at ${url}`, { cause: error });
  }
  update();
  started = true;

  // The adapter calls `publish` for every `serverSideEmit` and never handles its promise.
  const publish = pub.publish.bind(pub);
  pub.publish = ((channel: string, message: string) =>
    publish(channel, message).catch(() => 0)) as typeof pub.publish;

  return {
    commands,
    adapter: createAdapter(pub, sub, { key: 'marketprophit-relay' }),
    get up() {
      return up;
    },
    quit: async () => {
      started = false;
      await Promise.allSettled(clients.map((client) => client.quit()));
      clients.forEach((client) => client.disconnect());
    },
  };
};
