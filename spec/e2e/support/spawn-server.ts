import { spawn, type ChildProcess } from 'node:child_process';
import { withTimeout } from './harness';

export interface SpawnedServer {
  /** The url the server printed as `listening on <url>`. */
  readonly url: string;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever happens to the runner (a deadline, a crash), the servers it started go with it.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/**
 * Starts an example server as a child process (with `PORT=0`) and resolves once it prints
 * `listening on <url>`.
 */
export const spawnServer = async (
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv },
): Promise<SpawnedServer> => {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(hard);
    }
    running.delete(child);
  };

  const url = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http\S+)/.exec(output);
      if (found?.[1] !== undefined) resolve(found[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('error', reject);
    void exited.then(() => reject(new Error(`${command} exited before listening:\n${output}`)));
  });
  try {
    return {
      url: await withTimeout(url, 30_000, `${command} ${args.join(' ')}`),
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
