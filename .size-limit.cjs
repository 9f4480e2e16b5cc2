// `npm run size` (CI): the minimal browser app's bundle budget (issue 12). size-limit leaves a
// package's peer dependencies out by default; a browser app ships them (rxjs, io-ts, fp-ts), so here
// every dependency is bundled, as in bench/bundle-size.cjs (row 5b of the bench table).
module.exports = [
  {
    name: 'minimal browser app (bench/minimal-browser-app.mjs): one file, every dependency, minified, gzip',
    path: 'bench/minimal-browser-app.mjs',
    // Issue 12's budget is 32 KiB (goal 26); decided at 33 KiB here, not to be raised. The app is
    // 32.2 kB (`npx size-limit --json`, 32,104 B): socket.io-client 12.6 KiB, rxjs 4.0, io-ts with fp-ts
    // 1.8 and this library 13.0 (`npm run bench -- --only bundle`, rows 5b and 5c). rxjs's share/filter/mergeMap, and defer/switchMap/
    // throwError/from (anything behind rxjs's innerFrom, with its async-iteration helpers: ~1.8 kB),
    // and io-ts's t.type/t.array are not used by the client (lib/util/share-latest.ts,
    // lib/codecs/object-codec.ts, spec/client/bundle-graph.spec.ts), as each adds bytes to every app.
    // This guard keeps it from growing.
    limit: '33 KiB',
    gzip: true,
    modifyEsbuildConfig: (config) => ({ ...config, external: [], platform: 'browser', format: 'esm' }),
  },
  {
    name: 'the same app resolved with the es2015 condition, as Angular CLI does (rxjs ES2015 build), gzip',
    path: 'bench/minimal-browser-app.mjs',
    // Within issue 12's 32 KiB budget (31,151 B): held there.
    limit: '32 KiB',
    gzip: true,
    modifyEsbuildConfig: (config) => ({
      ...config,
      external: [],
      platform: 'browser',
      format: 'esm',
      conditions: ['es2015'],
    }),
  },
];
