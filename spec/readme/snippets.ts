import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** A TypeScript block (```ts, ```tsx, ```typescript…) of a Markdown file, with the `<!-- snippet: … -->` marker above it (if any). */
export interface Snippet {
  readonly line: number;
  readonly ref: string | undefined;
  readonly code: string;
}

const MARKER = /^<!-- snippet: (\S+) -->$/;
const TYPESCRIPT = /^```(ts|tsx|mts|cts|typescript)$/;

/** Every TypeScript block of `markdown`, with the marker that names its source. */
export const snippets = (markdown: string): Snippet[] => {
  const lines = markdown.split('\n');
  const found: Snippet[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    if (!TYPESCRIPT.test(text)) continue;
    const end = lines.indexOf('```', index + 1);
    const marker = MARKER.exec(lines[index - 2] ?? '') ?? undefined;
    found.push({
      line: index + 1,
      ref: marker?.[1],
      code: `${lines.slice(index + 1, end).join('\n')}\n`,
    });
    index = end;
  }
  return found;
};

/**
 * The text a marker names: a whole file (`examples/quick-start.ts`), or the lines between
 * `// snippet:start name` and `// snippet:end name` of one (`examples/readme/typed-paths.ts#typed-paths`).
 */
export const snippetSource = (ref: string): string => {
  const [file = '', region] = ref.split('#');
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (region === undefined) return text;
  const lines = text.split('\n');
  const start = lines.indexOf(`// snippet:start ${region}`);
  const end = lines.indexOf(`// snippet:end ${region}`);
  if (start === -1 || end < start) throw new Error(`${file} has no region '${region}'`);
  return `${lines.slice(start + 1, end).join('\n')}\n`;
};
