'use strict';
// 5. The core entry (`dist/index.mjs` and its chunks) bundled by esbuild with every dependency
// external, minified, then gzipped: what the library itself adds to an app.
const path = require('node:path');
const zlib = require('node:zlib');
const esbuild = require('esbuild');

const EXTERNAL = ['rxjs', 'io-ts', 'fp-ts', 'socket.io-client', 'cross-fetch'];

const ENTRY = path.join(__dirname, '..', 'dist', 'index.mjs');

/** Minified and gzipped size of `options` (an entry point or stdin) bundled like an app would. */
const measure = async (options) => {
  const result = await esbuild.build({
    ...options,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs)
    .map(([file, { bytesInOutput }]) => ({
      file: path.relative(path.join(__dirname, '..'), file),
      bytes: bytesInOutput,
    }))
    .sort((a, b) => b.bytes - a.bytes);
  return { minifiedBytes: code.length, gzipBytes: zlib.gzipSync(code, { level: 9 }).length, inputs };
};

module.exports = async () => ({
  ...(await measure({ entryPoints: [ENTRY] })),
  external: EXTERNAL,
  // What an app importing only createClient pays after tree-shaking.
  createClientOnly: await measure({
    stdin: { contents: `export { createClient } from ${JSON.stringify(ENTRY)};`, resolveDir: __dirname },
  }),
});
