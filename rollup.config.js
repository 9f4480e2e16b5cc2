// @ts-check
const { builtinModules } = require('node:module');
const esbuild = require('rollup-plugin-esbuild').default;
const { dts } = require('rollup-plugin-dts');
const pkg = require('./package.json');

/** Entry points of the `exports` map, plus the command line. */
const entries = {
  index: 'lib/index.ts',
  node: 'lib/node/index.ts',
  server: 'lib/server/index.ts',
  testing: 'lib/testing/index.ts',
  history: 'lib/history/index.ts',
  angular: 'lib/angular/index.ts',
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
      // importByName (lib/util) becomes require(name): the CommonJS client loads the CommonJS history
      // entry and cross-fetch's CommonJS build, sharing one copy of the error classes.
      dynamicImportInCjs: false,
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

const types = {
  input: entries,
  external,
  plugins: [dts({ tsconfig: 'tsconfig.json' })],
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].d.ts',
    chunkFileNames: 'chunks/[name]-[hash].d.ts',
  },
};

module.exports = [js, cli, types];
