// The relative links of Markdown files, and which of them do not resolve. Used by spec/readme and, on the
// installed tarball, by .ci/check-pack (through check-links.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A relative link (or image) of a Markdown file: `target` is what stands between the parentheses. */
export interface Link {
  readonly line: number;
  readonly target: string;
}

const FENCE = /^\s*(```|~~~)/;

/** The lines of `markdown`, those of fenced code blocks (fences included) left empty. */
const outsideCode = (markdown: string): string[] => {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (FENCE.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
};

/** The lines of `markdown` outside fenced code, inline code and HTML comments blanked (`[a](b)` in code is no link). */
const prose = (markdown: string): string[] =>
  outsideCode(markdown.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '))).map((line) =>
    line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length)),
  );

const LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** Every link of `markdown` that is not an absolute URL: a file, a file with `#anchor`, or `#anchor` alone. */
export const relativeLinks = (markdown: string): Link[] =>
  prose(markdown).flatMap((text, index) =>
    [...text.matchAll(LINK)]
      .map((match) => match[1] ?? '')
      .filter((target) => !ABSOLUTE.test(target))
      .map((target) => ({ line: index + 1, target })),
  );

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');

/** The anchors of the headings of `markdown`; a repeated heading gets `-1`, `-2`… as on GitHub. */
export const anchors = (markdown: string): Set<string> => {
  const found = new Set<string>();
  for (const line of outsideCode(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const base = slug((heading[1] ?? '').replace(/\s+/g, ' '));
    let anchor = base;
    for (let count = 1; found.has(anchor); count += 1) anchor = `${base}-${count}`;
    found.add(anchor);
  }
  return found;
};

/**
 * Every link of `files` (paths under `root`) that does not resolve: a file or folder that does not exist under
 * `root`, a path that leaves `root`, an anchor no heading of its Markdown file has, or a target `allowed` refuses
 * (it gets the target's path relative to `root`, with `/` separators). Each as `file:line: target (why)`.
 */
export const brokenLinks = (
  root: string,
  files: readonly string[],
  allowed: (path: string) => boolean = () => true,
): string[] => {
  const read = (file: string): string => readFileSync(join(root, file), 'utf8');
  const broken: string[] = [];
  for (const file of files) {
    for (const { line, target } of relativeLinks(read(file))) {
      const [pathPart = '', anchor] = target.split('#');
      const path =
        pathPart === ''
          ? file
          : relative(root, resolve(root, dirname(file), decodeURI(pathPart)))
              .split(sep)
              .join('/');
      const why = (): string | undefined => {
        if (path.startsWith('..') || isAbsolute(path)) return 'outside the root';
        if (!existsSync(join(root, path))) return 'no such file';
        if (!allowed(path)) return 'not a shipped file';
        if (anchor === undefined || !path.endsWith('.md') || !statSync(join(root, path)).isFile())
          return undefined;
        return anchors(read(path)).has(anchor) ? undefined : 'no such heading';
      };
      const reason = why();
      if (reason !== undefined) broken.push(`${file}:${line}: ${target} (${reason})`);
    }
  }
  return broken;
};
