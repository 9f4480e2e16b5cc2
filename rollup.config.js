// @ts-check
const { builtinModules } = require('node:module');
const esbuild = require('rollup-plugin-esbuild').default;
const { dts } = require('rollup-plugin-dts');
const pkg = require('./package.json');

/**
 * The package's entry points, the one list of them: `index` is `exports['.']`, every other name N is
 * `exports['./N']` (and `typesVersions` N for node10 resolution). Each one is built as `N.mjs`,
 * `N.cjs`, `N.d.mts` and `N.d.cts`. Adding an entry is one line here plus its block in package.json;
 * `spec/packaging/exports.spec.ts` checks the two agree, and `.ci/check-pack` runs attw and publint
 * over every `exports` key of the packed tarball.
 */
const entries = {
  index: 'lib/index.ts',
  node: 'lib/node/index.ts',
  server: 'lib/server/index.ts',
  testing: 'lib/testing/index.ts',
  history: 'lib/history/index.ts',
};

const dependencies = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...builtinModules,
];
/** Dependencies (and their subpaths) and node: builtins stay imports; our code is bundled. */
const external = (/** @type {string} */ id) =>
  id.startsWith('node:') || dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

const js = {
  input: entries,
  external,
  // As `sideEffects: false` promises users: a module only imported for what the entry does not use
  // (the endpoints barrel, say) is left out.
  treeshake: { moduleSideEffects: false },
  plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
  output: [
    { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    {
      dir: 'dist',
      format: 'cjs',
      entryFileNames: '[name].cjs',
      chunkFileNames: 'chunks/[name]-[hash].cjs',
      // Our dependencies' CommonJS builds are flagged __esModule (cross-fetch has `.default`), so
      // namespaces are used as they are instead of copied behind getters on every property access.
      interop: 'esModule',
    },
  ],
};

const cli = {
  input: { cli: 'lib/cli/main.ts' },
  external,
  plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
  output: {
    dir: 'dist',
    format: 'cjs',
    entryFileNames: '[name].cjs',
    banner: '#!/usr/bin/env node',
    inlineDynamicImports: true,
    interop: 'esModule',
  },
};

/**
 * Declarations per format: `.d.mts` beside the `.mjs`, `.d.cts` beside the `.cjs`, so TypeScript
 * under node16/nodenext sees ESM types for `import` and CommonJS types for `require` (one `.d.ts` for
 * both makes the ESM entry "masquerade as CJS"). The declaration chunks import each other by the
 * JavaScript name (`./x.mjs`, `./x.cjs`), which TypeScript maps to `./x.d.mts`, `./x.d.cts`.
 */
const types = (/** @type {'mts' | 'cts'} */ ext) => ({
  input: entries,
  external,
  plugins: [dts({ tsconfig: 'tsconfig.json' })],
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: `[name].d.${ext}`,
    chunkFileNames: `chunks/[name]-[hash].d.${ext}`,
  },
});

module.exports = [js, cli, types('mts'), types('cts')];
