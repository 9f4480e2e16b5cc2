import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'lib', 'cli', 'main.ts');

/** A running `marketprophit-rx`, its output so far, and its exit. */
export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal that killed it). */
  readonly exit: Promise<number | NodeJS.Signals>;
  /** Resolves once stdout matches `pattern`; rejects after `ms` or if the process exits first. */
  waitForStdout(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

/**
 * Runs the CLI from source in one Node process (`node --import tsx`, no npx or tsx wrapper in
 * between, so signals reach it directly). `MARKETPROPHIT_API_KEY` is unset unless `env` sets it.
 */
export const spawnCli = (args: readonly string[], env: Record<string, string> = {}): CliProcess => {
  const { MARKETPROPHIT_API_KEY: _unset, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | NodeJS.Signals>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const waitForStdout = (pattern: RegExp, ms = 8_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout);
        if (match === null) return;
        done();
        resolve(match);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${pattern} on stdout within ${ms} ms; stderr: ${stderr}`));
      }, ms);
      const exited = () => {
        done();
        reject(new Error(`exited before ${pattern} appeared; stdout: ${stdout} stderr: ${stderr}`));
      };
      const done = () => {
        clearTimeout(timer);
        child.stdout.off('data', check);
        child.off('exit', exited);
      };
      child.stdout.on('data', check);
      child.once('exit', exited);
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, exit, waitForStdout };
};

/** Kills whatever is still running (afterEach). */
export const killAll = (processes: CliProcess[]): void => {
  for (const { child } of processes.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
};
