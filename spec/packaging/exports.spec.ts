// The entry list lives once, in rollup.config.js; package.json's `exports` and `typesVersions` must
// name exactly those entries, each with per-format declarations (`types` first in every condition).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  type?: string;
  exports: Record<string, unknown>;
  typesVersions: Record<string, Record<string, string[]>>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const [js] = require(join(root, 'rollup.config.js')) as [{ input: Record<string, string> }];
const entries = Object.keys(js.input);
const subpath = (entry: string) => (entry === 'index' ? '.' : `./${entry}`);

describe('package.json exports', () => {
  it('names exactly the entries of rollup.config.js (and package.json)', () => {
    expect(Object.keys(pkg.exports).sort()).toEqual([...entries.map(subpath), './package.json'].sort());
  });

  it.each(entries)('%s: ESM and CJS, each with its own declarations, types first', (entry) => {
    expect(JSON.stringify(pkg.exports[subpath(entry)])).toBe(
      JSON.stringify({
        import: { types: `./dist/${entry}.d.mts`, default: `./dist/${entry}.mjs` },
        require: { types: `./dist/${entry}.d.cts`, default: `./dist/${entry}.cjs` },
      }),
    );
  });

  it('maps every subpath for node10 resolution (typesVersions) and states a "type"', () => {
    const expected = Object.fromEntries(
      entries.filter((entry) => entry !== 'index').map((entry) => [entry, [`./dist/${entry}.d.cts`]]),
    );
    expect(pkg.typesVersions).toEqual({ '*': expected });
    expect(pkg.type).toBe('commonjs');
  });
});
