// Bundles the server render (src/main.server.ts) for server/serve.cjs: one ES module with Angular,
// the app and marketprophit-rx inside, compiled just in time (@angular/compiler) on the server.
// Run by `npm run build` after `ng build`; a second build of seconds, not another `ng build`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  stdin: {
    contents: "import '@angular/compiler';\nexport { render } from './src/main.server';\n",
    resolveDir: root,
    sourcefile: 'ssr-entry.ts',
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: `${root}dist/sentiment/server/render.mjs`,
  // What the Angular CLI defines for a production server bundle (JIT kept on: no AOT step here).
  define: { ngServerMode: 'true', ngDevMode: 'false', ngJitMode: 'true' },
  // Angular's decorators, as the JIT compiler expects them.
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  // CommonJS dependencies of socket.io-client call require().
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
