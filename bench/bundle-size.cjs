'use strict';
// 5. The core entry (`dist/index.mjs` and its chunks) bundled by esbuild as an app's bundler would:
// every dependency external, minified, code splitting on (as Angular CLI, Vite and webpack do), then
// gzipped. "Up front" is the entry chunk and what it imports statically; lazy chunks come from
// dynamic imports (none now: `client.history$` loads `marketprophit-rx/history` by name at run time).
// 5b. The minimal browser app (bench/minimal-browser-app.mjs: proxy token, one subscription, state$)
// with every dependency bundled, as one minified file (no splitting) and with splitting, beside the same
// app written by hand on rxjs + socket.io-client (bench/hand-written-browser-app.mjs); each also with
// the `es2015` export condition (Angular CLI's resolution: rxjs's ES2015 build instead of esm5),
// and the one-file app's gzip split by package.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const esbuild = require('esbuild');

const EXTERNAL = ['rxjs', 'io-ts', 'fp-ts', 'socket.io-client', 'cross-fetch'];

const ENTRY = path.join(__dirname, '..', 'dist', 'index.mjs');
const MINIMAL_APP = path.join(__dirname, 'minimal-browser-app.mjs');
const HAND_WRITTEN_APP = path.join(__dirname, 'hand-written-browser-app.mjs');

/** The packages of the split by package, each with the imports that bring it (`measure` adds `name/*`). */
const PARTS = [
  ['socket.io-client', ['socket.io-client']],
  ['rxjs', ['rxjs']],
  ['io-ts', ['io-ts', 'fp-ts']],
];

const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

/** Sizes of the app chunk for `entry` plus its static imports (up front), and of its lazy chunks. */
const measure = async (entry, { external = EXTERNAL, splitting = true, conditions } = {}) => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mprx-bundle-'));
  try {
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      splitting,
      minify: true,
      format: 'esm',
      platform: 'browser',
      outdir,
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: external.flatMap((name) => [name, `${name}/*`]),
      ...(conditions === undefined ? {} : { conditions }),
    });
    const files = new Map(result.outputFiles.map((file) => [path.relative(process.cwd(), file.path), file]));
    const outputs = result.metafile.outputs;
    const entryOutput = Object.keys(outputs).find((name) => outputs[name].entryPoint !== undefined);
    const upFront = new Set();
    const visit = (name) => {
      if (upFront.has(name)) return;
      upFront.add(name);
      for (const imported of outputs[name].imports) {
        if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
      }
    };
    visit(entryOutput);
    const size = (names) => {
      if (names.length === 0) return { minifiedBytes: 0, gzipBytes: 0 };
      const bytes = Buffer.concat(names.map((name) => Buffer.from(files.get(name).contents)));
      return { minifiedBytes: bytes.length, gzipBytes: gzip(bytes) };
    };
    const lazy = Object.keys(outputs).filter((name) => name.endsWith('.js') && !upFront.has(name));
    const sources = (names) =>
      names
        .flatMap((name) => Object.entries(outputs[name].inputs))
        .map(([file, { bytesInOutput }]) => ({
          file: path.relative(path.join(__dirname, '..'), file),
          bytes: bytesInOutput,
        }))
        .sort((a, b) => b.bytes - a.bytes);
    return {
      ...size([...upFront]),
      lazy: { ...size(lazy), inputs: sources(lazy) },
      inputs: sources([...upFront]),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
};

/**
 * The gzip bytes of the one-file bundle of `entry` that each package accounts for: the whole minus the
 * bundle with that package left out (external); this library is what the packages leave.
 */
const splitByPackage = async (entry) => {
  const oneFile = (external) => measure(entry, { external, splitting: false });
  const whole = (await oneFile([])).gzipBytes;
  const parts = {};
  for (const [name, imports] of PARTS) parts[name] = whole - (await oneFile(imports)).gzipBytes;
  parts['marketprophit-rx'] = whole - Object.values(parts).reduce((sum, bytes) => sum + bytes, 0);
  return parts;
};

module.exports = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mprx-entry-'));
  const createClientEntry = path.join(dir, 'app.mjs');
  // What an app importing only createClient pays after tree-shaking.
  fs.writeFileSync(createClientEntry, `export { createClient } from ${JSON.stringify(ENTRY)};\n`);
  try {
    return {
      ...(await measure(ENTRY)),
      external: EXTERNAL,
      createClientOnly: await measure(createClientEntry),
      minimalApp: {
        oneFile: await measure(MINIMAL_APP, { external: [], splitting: false }),
        split: await measure(MINIMAL_APP, { external: [] }),
        es2015: await measure(MINIMAL_APP, { external: [], splitting: false, conditions: ['es2015'] }),
        parts: await splitByPackage(MINIMAL_APP),
      },
      handWrittenApp: {
        oneFile: await measure(HAND_WRITTEN_APP, { external: [], splitting: false }),
        es2015: await measure(HAND_WRITTEN_APP, { external: [], splitting: false, conditions: ['es2015'] }),
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
