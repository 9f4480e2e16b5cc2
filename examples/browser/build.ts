import { join } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

/** Where the page's bundles go (gitignored). */
export const OUT_DIR = join(__dirname, 'dist');

/** The files index.html loads, by their url path. */
export const BUNDLES = {
  library: '/dist/marketprophit-rx.mjs',
  rxjs: '/dist/rxjs.mjs',
  page: '/dist/main.js',
} as const;

const outfile = (urlPath: string): string => join(OUT_DIR, urlPath.replace(/^\/dist\//, ''));

/** What {@link buildPage} bundled: esbuild's metafile of each bundle, by its url path. */
export type BuiltPage = Readonly<Record<keyof typeof BUNDLES, Metafile>>;

/**
 * Bundles for browsers what index.html loads: the package's main entry (`marketprophit-rx`, i.e.
 * `dist/index.mjs`, with its dependencies but not rxjs), rxjs, and main.ts. The page's import map
 * resolves `rxjs` and `marketprophit-rx` to the first two, so there is exactly one copy of rxjs.
 * Run `npm run build` first: the library bundle is made from `dist/`, as users get it.
 *
 * @param plugins extra esbuild plugins for every bundle (the e2e check adds a Node-builtin guard).
 */
export const buildPage = async (plugins: readonly Plugin[] = []): Promise<BuiltPage> => {
  const common = {
    bundle: true,
    format: 'esm' as const,
    platform: 'browser' as const,
    target: 'es2022',
    metafile: true as const,
    logLevel: 'silent' as const,
    plugins: [...plugins],
  };
  const reExport = (module: string) => ({ contents: `export * from '${module}';`, resolveDir: __dirname });

  const [library, rxjs, page] = await Promise.all([
    build({
      ...common,
      stdin: reExport('marketprophit-rx'),
      external: ['rxjs'],
      outfile: outfile(BUNDLES.library),
    }),
    build({ ...common, stdin: reExport('rxjs'), outfile: outfile(BUNDLES.rxjs) }),
    build({
      ...common,
      entryPoints: [join(__dirname, 'main.ts')],
      external: ['marketprophit-rx', 'rxjs'],
      outfile: outfile(BUNDLES.page),
    }),
  ]);
  return { library: library.metafile, rxjs: rxjs.metafile, page: page.metafile };
};
