import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ROOT } from '../support/paths';

const APP = join(ROOT, 'examples', 'angular');

export interface PlatformRun {
  readonly platform: 'server' | 'browser';
  /** `data` events the service delivered. */
  readonly events: number;
  /** What its `state$` emitted. */
  readonly states: readonly string[];
  /** What the local server saw. */
  readonly tokenRequests: number;
  readonly connections: number;
}

/**
 * Bundles examples/angular/server/platform-check.ts into the example (its imports resolve from the
 * example's node_modules) and runs it with the example's Node 22, which Angular needs.
 */
export const runPlatformCheck = async (): Promise<readonly PlatformRun[]> => {
  const outfile = join(APP, '.tmp', 'platform-check.mjs');
  await build({
    entryPoints: [join(APP, 'server', 'platform-check.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    packages: 'external',
    // Angular's decorators, compiled the way the Angular CLI does (JIT here: @angular/compiler is loaded).
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    logLevel: 'warning',
  });
  const node22 = join(APP, 'node_modules', '.bin', 'node');
  const { stdout } = await promisify(execFile)(node22, [outfile], { cwd: APP, timeout: 30_000 });
  return JSON.parse(stdout) as PlatformRun[];
};
