import { randomBytes } from 'node:crypto';
import { type ChildProcess, fork } from 'node:child_process';
import type { RelayOptions, RelayStats } from '../../lib/relay';
import type { ServerOptions, ServerStats } from '../../lib/server';
import type { ServingMessage } from './serving-process';

/** A local server or relay node running in a child process (`serving-process.ts`). */
export interface ServingProcess<Stats> {
  readonly url: string;
  readonly port: number;
  /** The relay node's id; `undefined` for a local server. */
  readonly nodeId: string | undefined;
  /** False once the process has exited. */
  readonly alive: boolean;
  /** Its `stats()`, asked over IPC; rejects after 5 s, or when it exits first. */
  stats(): Promise<Stats>;
  /** Its resident set size in bytes (after a GC with `--expose-gc`), asked over IPC; rejects like `stats()`. */
  rss(): Promise<number>;
  /** SIGKILL, resolved once the process has exited (and its port is free). */
  kill(): Promise<void>;
  /** SIGTERM (it closes cleanly: sockets, leases), SIGKILL if it has not exited within 5 s; resolved on exit. */
  stop(): Promise<void>;
}

export interface ForkOptions {
  /** Longest wait for the child's `ready`, in ms. @default 15_000 */
  readonly readyWithin?: number;
  /** Where the child's stdout goes. @default 'inherit' */
  readonly stdout?: 'inherit' | 'ignore';
  /** More Node flags for the child (e.g. `--expose-gc`, so `rss()` collects garbage first). @default [] */
  readonly nodeFlags?: readonly string[];
}

const SCRIPT = require.resolve('./serving-process.ts');
const STATS_WITHIN = 5_000;
const KILL_AFTER = 5_000;

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Waits for one message that `pick` accepts; rejects after `ms` or when the child exits first. */
const nextMessage = <T>(
  child: ChildProcess,
  what: string,
  ms: number,
  pick: (message: ServingMessage) => T | undefined,
): Promise<T> =>
  new Promise((resolve, reject) => {
    if (hasExited(child)) {
      reject(new Error(`serving process: exited before ${what}`));
      return;
    }
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`serving process: no ${what} within ${ms} ms`));
    }, ms);
    const onMessage = (message: ServingMessage) => {
      if (message.type === 'failed') {
        done();
        reject(new Error(`serving process: ${message.message}`));
        return;
      }
      const picked = pick(message);
      if (picked === undefined) return;
      done();
      resolve(picked);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      done();
      reject(new Error(`serving process: exited (${code ?? signal}) before ${what}`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });

/**
 * Forks a local server (`startServer(options)`) or a relay node (`startRelay(options)`) in a process of
 * its own (`node --import tsx`), resolved once it listens. `options` travel as JSON: no functions. A
 * child that fails, exits or is not ready in time is killed (and awaited) before the promise rejects;
 * one whose parent goes away closes itself.
 */
export function forkServing(
  kind: 'server',
  options: ServerOptions,
  launch?: ForkOptions,
): Promise<ServingProcess<ServerStats>>;
export function forkServing(
  kind: 'relay',
  options: RelayOptions,
  launch?: ForkOptions,
): Promise<ServingProcess<RelayStats>>;
export async function forkServing(
  kind: 'server' | 'relay',
  options: ServerOptions | RelayOptions,
  { readyWithin = 15_000, stdout = 'inherit', nodeFlags = [] }: ForkOptions = {},
): Promise<ServingProcess<ServerStats | RelayStats>> {
  const child = fork(SCRIPT, [kind, JSON.stringify(options)], {
    execArgv: ['--import', 'tsx', ...nodeFlags],
    stdio: ['ignore', stdout, 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => {
    if (!hasExited(child)) child.kill('SIGKILL');
    return exited;
  };
  let ready: Extract<ServingMessage, { readonly type: 'ready' }>;
  try {
    ready = await nextMessage(child, 'ready', readyWithin, (message) =>
      message.type === 'ready' ? message : undefined,
    );
  } catch (error) {
    await kill();
    throw error;
  }
  return {
    url: ready.url,
    port: ready.port,
    nodeId: ready.nodeId,
    get alive() {
      return !hasExited(child);
    },
    stats() {
      const answer = nextMessage(child, 'stats', STATS_WITHIN, (message) =>
        message.type === 'stats' ? message.stats : undefined,
      );
      if (!hasExited(child)) child.send('stats');
      return answer;
    },
    rss() {
      const answer = nextMessage(child, 'rss', STATS_WITHIN, (message) =>
        message.type === 'rss' ? message.rss : undefined,
      );
      if (!hasExited(child)) child.send('rss');
      return answer;
    },
    kill,
    async stop() {
      if (hasExited(child)) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** What differs between the relay clusters of the specs: the upstream, Redis, the lease, standbys. */
export interface RelayClusterOptions {
  readonly upstream: RelayOptions['upstream'];
  readonly redis: string;
  readonly leaseTtl: number;
  /** @default 0 */
  readonly standby?: 0 | 1;
  /** The cluster's shared secret, for a node forked later with `forkRelayNode`. @default random */
  readonly secret?: string;
}

/** One more relay node of a cluster (the same options, `secret` included), its stdout ignored. */
export const forkRelayNode = ({
  upstream,
  redis,
  leaseTtl,
  standby = 0,
  secret = randomBytes(32).toString('hex'),
}: RelayClusterOptions): Promise<ServingProcess<RelayStats>> =>
  forkServing(
    'relay',
    { upstream, redis, secret, leaseTtl, linger: 100, ...(standby === 0 ? {} : { standby }) },
    { stdout: 'ignore' },
  );

/**
 * `count` relay nodes as child processes, joined on `redis`: one secret shared by all (random, 32 bytes),
 * a short linger (100 ms), their stdout ignored.
 */
export const forkRelayCluster = (
  count: number,
  options: RelayClusterOptions,
): Promise<ServingProcess<RelayStats>[]> => {
  const shared = { ...options, secret: options.secret ?? randomBytes(32).toString('hex') };
  return Promise.all(Array.from({ length: count }, () => forkRelayNode(shared)));
};
