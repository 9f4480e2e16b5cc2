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
  relay: 'lib/relay/index.ts',
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
/**
 * Dependencies (and their subpaths) and node: builtins stay imports; our code is bundled. So do the
 * package's own `imports` (`#default-socket`), which Node and bundlers resolve by condition.
 */
const external = (/** @type {string} */ id) =>
  id.startsWith('node:') ||
  id.startsWith('#') ||
  dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

/**
 * package.json `imports` resolved by condition, `node` or every other (browsers, bundlers):
 * - `#platform`: what differs between Node (the `apiKey` token source, the cross-fetch fallback) and
 *   browsers (neither);
 * - `#compiled-decoders` (Node: a decoder compiled for each record shape of the catalogue) and
 *   `#canonical-iso` (Node: the canonical timestamp form's own reader): Node's per-event speed, kept out
 *   of browser bundles, whose modules have none.
 * Emitted with the entries (not entries of the package: `input` stays the entry list), so that the Node
 * modules share their chunks (one `TokenError`; one timestamp cache for an envelope and its records);
 * the browser modules import nothing.
 */
const conditionalImports = [
  'lib/platform/platform',
  'lib/endpoints/compiled-decoders',
  'lib/codecs/canonical-iso',
];
/** @type {import('rollup').Plugin} */
const emitConditionalImports = {
  name: 'conditional-imports',
  buildStart() {
    for (const path of conditionalImports) {
      for (const condition of ['node', 'browser']) {
        this.emitFile({
          type: 'chunk',
          id: `${path}.${condition}.ts`,
          name: `${path.slice(path.lastIndexOf('/') + 1)}.${condition}`,
        });
      }
    }
  },
};

const js = {
  input: entries,
  external,
  // As `sideEffects: false` promises users: a module only imported for what the entry does not use
  // (the endpoints barrel, say) is left out.
  treeshake: { moduleSideEffects: false },
  plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }), emitConditionalImports],
  output: [
    {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].mjs',
      // The conditional imports' modules (emitted entries) sit beside the entries; shared chunks in chunks/.
      chunkFileNames: (chunk) => (chunk.isEntry ? '[name].mjs' : 'chunks/[name]-[hash].mjs'),
      // No bare `import 'rxjs'` lines in entries (hoisted from their chunks): with `sideEffects: false`
      // bundlers ignore them anyway, and esbuild warns about each one in every app's build.
      hoistTransitiveImports: false,
    },
    {
      dir: 'dist',
      format: 'cjs',
      entryFileNames: '[name].cjs',
      chunkFileNames: (chunk) => (chunk.isEntry ? '[name].cjs' : 'chunks/[name]-[hash].cjs'),
      hoistTransitiveImports: false,
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

/**
 * package.json `imports` `#default-socket`, one file per condition and format: `node` gets every
 * socket.io generation (socket.io-client 4 and our Engine.IO 3 client), every other resolution
 * (browsers, bundlers) socket.io-client 4 alone, so that no browser bundle carries the second client.
 * Self-contained (no chunk shared with the entries): the modules hold no class the entries check.
 */
const defaultSocket = ['node', 'browser'].map((condition) => ({
  input: { [`default-socket.${condition}`]: `lib/connection/default-sockets.${condition}.ts` },
  external,
  treeshake: { moduleSideEffects: false },
  plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
  output: [
    { dir: 'dist', format: 'es', entryFileNames: '[name].mjs' },
    { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', interop: 'esModule' },
  ],
}));

/**
 * Declarations per format: `.d.mts` beside the `.mjs`, `.d.cts` beside the `.cjs`, so TypeScript
 * under node16/nodenext sees ESM types for `import` and CommonJS types for `require` (one `.d.ts` for
 * both makes the ESM entry "masquerade as CJS"). The declarations are bundled once, as `.d.mts`; each
 * `.d.cts` is the same text with its relative imports naming `.cjs` (TypeScript maps `./x.cjs` to
 * `./x.d.cts`), which is what a second bundling pass would write, at half the build time.
 */
const cjsDeclarations = {
  name: 'cjs-declarations',
  generateBundle(/** @type {unknown} */ _options, /** @type {import('rollup').OutputBundle} */ bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type !== 'chunk' || !file.fileName.endsWith('.d.mts')) continue;
      this.emitFile({
        type: 'asset',
        fileName: file.fileName.replace(/\.d\.mts$/, '.d.cts'),
        source: file.code.replace(/(['"])(\.{1,2}\/[^'"]*)\.mjs\1/g, '$1$2.cjs$1'),
      });
    }
  },
};

const types = {
  input: entries,
  external,
  plugins: [dts({ tsconfig: 'tsconfig.json' }), cjsDeclarations],
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].d.mts',
    chunkFileNames: 'chunks/[name]-[hash].d.mts',
  },
};

module.exports = [js, cli, ...defaultSocket, types];
