// After `ng build`, two small esbuild bundles of the same app, compiled just in time (@angular/compiler),
// in seconds rather than another `ng build`:
// - dist/sentiment/server/render.mjs: the server render (src/main.server.ts) for server/serve.cjs;
// - dist/sentiment/browser/zone/: the app with zone.js (src/main.zone.ts), for the e2e zone check.
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
  bundle: true,
  format: 'esm',
  // Angular's decorators, as the JIT compiler expects them.
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  logLevel: 'warning',
};

await build({
  ...common,
  stdin: {
    contents: "import '@angular/compiler';\nexport { render } from './src/main.server';\n",
    resolveDir: root,
    sourcefile: 'ssr-entry.ts',
    loader: 'ts',
  },
  platform: 'node',
  target: 'node20',
  outfile: `${root}dist/sentiment/server/render.mjs`,
  // What the Angular CLI defines for a production server bundle (JIT kept on: no AOT step here).
  define: { ngServerMode: 'true', ngDevMode: 'false', ngJitMode: 'true' },
  // CommonJS dependencies of socket.io-client call require().
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});

await build({
  ...common,
  entryPoints: [`${root}src/main.zone.ts`],
  platform: 'browser',
  target: 'es2022',
  minify: true,
  outfile: `${root}dist/sentiment/browser/zone/main.js`,
  define: { ngServerMode: 'false', ngDevMode: 'false', ngJitMode: 'true' },
});
await writeFile(
  `${root}dist/sentiment/browser/zone/index.html`,
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>zone check</title><link rel="icon" href="data:,"></head>' +
    '<body><app-root></app-root><script type="module" src="/zone/main.js"></script></body></html>\n',
);
