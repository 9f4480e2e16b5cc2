import { builtinModules } from 'node:module';
import type { Plugin } from 'esbuild';

/** A Node builtin that some module of a bundle imports. */
export interface NodeImport {
  readonly path: string;
  readonly importer: string;
}

const builtins = new Set(builtinModules);

/** `node:fs`, `fs`, `fs/promises` — but not a package that merely starts with a builtin's name. */
export const isNodeBuiltin = (path: string): boolean =>
  path.startsWith('node:') || builtins.has(path) || builtins.has(path.split('/')[0] ?? path);

/**
 * An esbuild plugin that records every import of a Node builtin (before any browser-field mapping or
 * polyfill could hide it) and leaves it out of the bundle.
 */
export const nodeBuiltinGuard = (): { readonly plugin: Plugin; readonly found: readonly NodeImport[] } => {
  const found: NodeImport[] = [];
  const plugin: Plugin = {
    name: 'node-builtin-guard',
    setup(build) {
      build.onResolve({ filter: /.*/ }, ({ path, importer }) => {
        if (!isNodeBuiltin(path)) return undefined;
        found.push({ path, importer });
        return { path, external: true };
      });
    },
  };
  return { plugin, found };
};
