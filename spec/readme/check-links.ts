// Every relative link of the user's docs (README.md, docs/*.md) resolves inside a folder: the installed package,
// for .ci/check-pack. Usage: tsx spec/readme/check-links.ts <folder>
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brokenLinks } from './links';

const folder = process.argv[2];
if (folder === undefined) throw new Error('Usage: check-links.ts <folder>');
const files = [
  'README.md',
  ...readdirSync(join(folder, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const broken = brokenLinks(folder, files);
if (broken.length > 0) {
  console.error(`Broken links in the installed docs:\n${broken.join('\n')}`);
  process.exit(1);
}
console.log(`docs: ok, every relative link of ${files.length} files resolves in the installed package`);
