import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * `shared/upstream`, a sibling of the repo folder (as in CI's clone). Fails loudly when missing:
 * the sample fixtures are the proof the codecs match upstream, so skipping them silently would lie.
 */
export const upstreamDir = (): string => {
  const dir = path.resolve(__dirname, '../../../shared/upstream');
  if (!existsSync(path.join(dir, 'samples'))) {
    throw new Error(
      `Upstream samples not found at ${dir}/samples: check out shared/ next to the repo folder`,
    );
  }
  return dir;
};
