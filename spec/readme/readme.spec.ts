// The README as a user reads it: every ts block is the text of a file CI type-checks or runs, the
// endpoint table is the catalogue, and the repository files it links to exist.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realTimeSpecs } from '../../lib/endpoints/real-time-specs';
import type { FieldSpec } from '../../lib/endpoints/field-kind';
import { ROOT, snippetSource, snippets } from './snippets';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  const blocks = snippets(readme);

  it('has its ts blocks in the sections a user reads first', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(9);
    expect(readme.indexOf('## Install')).toBeLessThan(readme.indexOf('## Quick start'));
    expect(readme).toContain('npm i marketprophit-rx rxjs io-ts fp-ts');
  });

  it.each(
    blocks.map((block) => [`line ${block.line} (${block.ref ?? 'no snippet marker'})`, block] as const),
  )('ts block at %s is the text of the file it names', (_, block) => {
    expect(block.ref).toBeDefined();
    expect(block.code).toBe(snippetSource(block.ref ?? ''));
  });

  it('names only files that are type-checked: examples/ (the tsconfigs) or spec/ (jest)', () => {
    for (const block of blocks) expect(block.ref).toMatch(/^(examples|spec)\//);
  });

  it('lists every real-time path of the catalogue, with its params and fields', () => {
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
    const rows = readme
      .split('\n')
      .filter((line) => line.startsWith('| `/real-time/'))
      .map((line) =>
        line
          .split(' | ')
          .map((text) => text.replace(/^\|/, '').replace(/\|$/, '').trim())
          .slice(0, 3),
      );
    expect(rows).toEqual(expected);
  });

  it('links only to repository files that exist', () => {
    const links = [...readme.matchAll(/\]\(((?:examples|spec|bench|docs|lib)\/[^)#]*)\)/g)].map(
      (match) => match[1],
    );
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect([link, existsSync(join(ROOT, link ?? ''))]).toEqual([link, true]);
  });
});
