// The user's docs (README.md and the guides in docs/, which ship in the package) and CONTRIBUTING.md: every ts
// block is the text of a file CI type-checks or runs, every relative link resolves (anchors included), the
// shipped docs link only to shipped files, and the endpoint table is the catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realTimeSpecs } from '../../lib/endpoints/real-time-specs';
import type { FieldSpec } from '../../lib/endpoints/field-kind';
import { brokenLinks, relativeLinks } from './links';
import { markdownTables } from './markdown-tables';
import { ROOT, snippetSource, snippets } from './snippets';

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const guides = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);
/** What ships in the tarball: package.json `files`, and what npm always packs. */
const shipped: readonly string[] = [
  ...(JSON.parse(read('package.json')) as { files: string[] }).files,
  'package.json',
];
const isShipped = (path: string): boolean =>
  shipped.some((entry) => path === entry || path.startsWith(`${entry}/`));
const userDocs = ['README.md', ...guides];
const allDocs = [...userDocs, 'CONTRIBUTING.md'];

describe('the docs', () => {
  const blocks = allDocs.flatMap((file) =>
    snippets(read(file)).map(
      (block) => [`${file}:${block.line} (${block.ref ?? 'no snippet marker'})`, block] as const,
    ),
  );

  it('have their ts blocks where a user reads them', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    expect(snippets(read('README.md')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks)('ts block at %s is the text of the file it names', (_, block) => {
    expect(block.ref).toBeDefined();
    expect(block.code).toBe(snippetSource(block.ref ?? ''));
  });

  it('name only files that are type-checked: examples/ (the tsconfigs) or spec/ (jest)', () => {
    for (const [, block] of blocks) expect(block.ref).toMatch(/^(examples|spec)\//);
  });

  it('ship: package.json `files` holds the README, docs/ and its images', () => {
    for (const path of ['README.md', ...guides, 'docs/images/angular-widget-live.png']) {
      expect([path, isShipped(path)]).toEqual([path, true]);
    }
    expect(isShipped('CONTRIBUTING.md')).toBe(false);
  });

  it('link to files and headings that exist', () => {
    expect(allDocs.flatMap((file) => relativeLinks(read(file))).length).toBeGreaterThan(20);
    expect(brokenLinks(ROOT, allDocs)).toEqual([]);
  });

  it('that ship link only to files that ship (a repository file is named as code text instead)', () => {
    expect(brokenLinks(ROOT, userDocs, isShipped)).toEqual([]);
  });

  it('reach every guide from the README', () => {
    const linked = new Set(relativeLinks(read('README.md')).map(({ target }) => target.split('#')[0]));
    expect(guides.filter((guide) => !linked.has(guide))).toEqual([]);
  });

  it('list every real-time path of the catalogue, with its params and fields (docs/endpoints.md)', () => {
    const cell = (name: string, spec: FieldSpec) =>
      `\`${name}\`${spec.kind === 'nullable-decimal' ? ' (or null)' : ''}` +
      `${spec.aliases === undefined ? '' : ` ← ${spec.aliases.map((alias) => `\`${alias}\``).join(', ')}`}`;
    const expected = Object.entries(realTimeSpecs).map(([path, spec]) => [
      `\`${path}\``,
      spec.params === 'none' ? '`{}`' : '`{ ticker? }`',
      Object.entries(spec.fields as Record<string, FieldSpec>)
        .filter(([name]) => name !== 'ts' && name !== 'ticker')
        .map(([name, field]) => cell(name, field))
        .join(', '),
    ]);
    const rows = markdownTables(read('docs/endpoints.md'), 'docs/endpoints.md')
      .headed('path')
      .map((cells) => cells.slice(0, 3));
    expect(rows).toEqual(expected);
  });
});
