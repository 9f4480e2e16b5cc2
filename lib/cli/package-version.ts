import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The version in our package.json, found by walking up from `from`: it is one level up from
 * `dist/cli.cjs` and two from `lib/cli/` (tests, tsx).
 */
export const packageVersion = (from: string): string => {
  for (let dir = from, up = 0; up < 4; dir = dirname(dir), up += 1) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (isOurs(pkg)) return pkg.version;
    } catch {
      // No (readable) package.json here: keep walking up.
    }
  }
  return 'unknown';
};

const isOurs = (pkg: unknown): pkg is { version: string } =>
  typeof pkg === 'object' &&
  pkg !== null &&
  'name' in pkg &&
  pkg.name === 'marketprophit-rx' &&
  'version' in pkg &&
  typeof pkg.version === 'string';
