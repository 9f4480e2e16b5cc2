'use strict';
// 5. The core entry (`dist/index.mjs` and its chunks) bundled by esbuild as an app's bundler would:
// every dependency external, minified, code splitting on (as Angular CLI, Vite and webpack do), then
// gzipped. "Up front" is the entry chunk and what it imports statically; lazy chunks come from
// dynamic imports (none now: `client.history$` loads `marketprophit-rx/history` by name at run time).
// 5b. The minimal browser app (bench/minimal-browser-app.mjs: proxy token, one subscription, state$)
// with every dependency bundled, as one minified file (no splitting) and with splitting.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const esbuild = require('esbuild');

const EXTERNAL = ['rxjs', 'io-ts', 'fp-ts', 'socket.io-client', 'cross-fetch'];

const ENTRY = path.join(__dirname, '..', 'dist', 'index.mjs');
const MINIMAL_APP = path.join(__dirname, 'minimal-browser-app.mjs');

const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

/** Sizes of the app chunk for `entry` plus its static imports (up front), and of its lazy chunks. */
const measure = async (entry, { external = EXTERNAL, splitting = true } = {}) => {
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
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
