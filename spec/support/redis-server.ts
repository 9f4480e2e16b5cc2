import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A `redis-server` of our own on a loopback port; `stop()` ends it (and only it). */
export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Whether Debian's `redis-server` is installed (`.ci/run` installs it). */
export const hasRedisServer = (): boolean => spawnSync('redis-server', ['--version']).status === 0;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

/**
 * Starts `redis-server` without persistence, on `port` (a restart after `stop()`) or a free one;
 * resolves once it accepts connections (10 s at most).
 */
export const startRedis = async (port?: number): Promise<RedisProcess> => {
  port ??= await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server not ready after 10 s: ${output}`));
    }, 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}): ${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};

/** `describe` for specs that need Debian's redis-server: skipped without it, except in CI, where they fail. */
export const describeWithRedis: jest.Describe =
  hasRedisServer() || process.env['CI'] !== undefined ? describe : describe.skip;
