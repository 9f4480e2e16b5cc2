// Reading the reference tables of a Markdown file (README.md, docs/*.md), for the specs that check them
// against the code: rows as trimmed cells, the `code` spans of a cell, and the values a cell states.

/** The tables of one Markdown text. */
export interface MarkdownTables {
  /** The rows of the first table after the first line that starts with `marker` (a heading, a sentence). */
  readonly after: (marker: string) => string[][];
  /** The rows of the table whose first header cell is `first`. */
  readonly headed: (first: string) => string[][];
}

/** The tables of `markdown` (its `name` says which file in errors). */
export const markdownTables = (markdown: string, name: string): MarkdownTables => {
  const lines = markdown.split('\n');
  /** The rows of the table whose header is line `header` (header and rule left out), each a list of trimmed cells. */
  const rowsOf = (header: number): string[][] => {
    const rows: string[][] = [];
    for (let index = header + 2; lines[index]?.startsWith('|') === true; index += 1) {
      const cells = (lines[index] ?? '').split(/(?<!\\)\|/).slice(1, -1);
      rows.push(cells.map((cell) => cell.trim()));
    }
    return rows;
  };
  return {
    after: (marker) => {
      const start = lines.findIndex((line) => line.startsWith(marker));
      if (start === -1) throw new Error(`${name} has no line starting ${marker}`);
      const header = lines.findIndex((line, index) => index > start && line.startsWith('|'));
      if (header === -1) throw new Error(`${name} has no table after ${marker}`);
      return rowsOf(header);
    },
    headed: (first) => {
      const header = lines.findIndex((line) => line.startsWith(`| ${first} `));
      if (header === -1) throw new Error(`${name} has no table headed ${first}`);
      return rowsOf(header);
    },
  };
};

/** The `code` spans of a cell. */
export const spans = (cell: string | undefined): string[] =>
  [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');

export const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

/**
 * The value a code span states as a JavaScript literal (`0`, `3_600_000`, `'127.0.0.1'`, `['AAPL']`, `[]`, `false`),
 * or `undefined` when it is not one (`process.emitWarning`, prose).
 */
export const literal = (text: string): unknown => {
  if (/^-?\d[\d_]*(\.\d+)?$/.test(text)) return Number(text.replace(/_/g, ''));
  if (/^'[^']*'$/.test(text)) return text.slice(1, -1);
  if (/^\[('[^']*'(, '[^']*')*)?\]$/.test(text)) return JSON.parse(text.replace(/'/g, '"')) as string[];
  if (text === 'true' || text === 'false') return text === 'true';
  return undefined;
};

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  ms: 1,
  s: 1000,
  h: 3_600_000,
  KiB: 1024,
  MiB: 1024 * 1024,
};

/**
 * The number a cell states as a quantity a reader reads (`10,000`, `64 KiB`, `30 s`, `1000 ms`), in the
 * code's units (bytes, ms), or `undefined` when it states none.
 */
export const quantity = (cell: string): number | undefined => {
  const match = /^(\d[\d,_]*(?:\.\d+)?)(?: (ms|s|h|KiB|MiB))?$/.exec(cell);
  if (match === null) return undefined;
  return Number((match[1] ?? '').replace(/[,_]/g, '')) * (UNITS[match[2] ?? ''] ?? Number.NaN);
};
