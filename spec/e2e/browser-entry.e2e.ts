import { buildPage } from '../../examples/browser/build';
import { assert } from './support/assert';
import type { Suite } from './support/harness';
import { nodeBuiltinGuard } from './support/node-builtin-guard';

const ownFiles = (inputs: Record<string, unknown>): string[] =>
  Object.keys(inputs).filter((input) => !input.includes('node_modules/'));

/**
 * The package's main entry must run in browsers: bundled for them (esbuild, platform browser, every
 * dependency but rxjs inside) it imports no Node builtin. The bundle is the one the browser example
 * serves (examples/browser/dist/marketprophit-rx.mjs).
 */
export const browserEntrySuite: Suite = async (check) => {
  const guard = nodeBuiltinGuard();
  const built = await buildPage([guard.plugin]);

  await check('the main entry (dist/index.mjs) bundles for browsers', () => {
    const inputs = Object.keys(built.library.inputs);
    assert(inputs.includes('dist/index.mjs'), `dist/index.mjs is not among the inputs: ${inputs.join(', ')}`);
  });

  await check('no module of the browser bundles imports a Node builtin', () => {
    const list = guard.found.map(({ path, importer }) => `${path} (imported by ${importer})`);
    assert(list.length === 0, `Node builtins in the browser bundles:\n${list.join('\n')}`);
  });

  await check('the page bundle holds only its own code (one rxjs, one library, via the import map)', () => {
    const all = Object.keys(built.page.inputs);
    const own = ownFiles(built.page.inputs);
    assert(
      own.length === all.length,
      `main.js bundles dependencies: ${all.filter((i) => !own.includes(i)).join(', ')}`,
    );
    const rxjsInLibrary = Object.keys(built.library.inputs).filter((input) =>
      input.includes('node_modules/rxjs/'),
    );
    assert(rxjsInLibrary.length === 0, `the library bundle has its own rxjs: ${rxjsInLibrary.join(', ')}`);
  });
};
