// The README as a user reads it: what it is, install and a quick start first, short enough to read, with the
// reference a user looks up. Its ts blocks, links and the guides' are checked in docs.spec.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, snippets } from './snippets';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('starts with what it is, how to install it and a quick start', () => {
    expect(readme.indexOf('## Install')).toBeGreaterThan(0);
    expect(readme.indexOf('## Install')).toBeLessThan(readme.indexOf('## Quick start'));
    expect(readme).toContain('npm i marketprophit-rx rxjs io-ts fp-ts');
    expect(snippets(readme).map((block) => block.ref)).toContain('examples/quick-start.ts');
  });

  it('shows a clone its live stream (npm start) and its tests (npm test)', () => {
    expect(readme).toMatch(/^npm install && npm start +# .*local server/m);
    expect(readme).toMatch(/^npm test +# /m);
  });

  it('is a book a user reads, not the whole reference: at most 30 KB, the guides in docs/', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(30_000);
  });
});
