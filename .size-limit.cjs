// `npm run size` (CI): the minimal browser app's bundle budget (issue 12). size-limit leaves a
// package's peer dependencies out by default; a browser app ships them (rxjs, io-ts, fp-ts), so here
// every dependency is bundled, as in bench/bundle-size.cjs (row 5b of the bench table).
module.exports = [
  {
    name: 'minimal browser app (bench/minimal-browser-app.mjs): one file, every dependency, minified, gzip',
    path: 'bench/minimal-browser-app.mjs',
    limit: '32 KiB',
    gzip: true,
    modifyEsbuildConfig: (config) => ({ ...config, external: [], platform: 'browser', format: 'esm' }),
  },
];
