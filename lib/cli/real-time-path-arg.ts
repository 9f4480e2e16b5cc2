import { bareRealTimeName, canonicalPath } from '../endpoints/paths';
import { isRealTimePath, realTimeSpecs, type RealTimePath } from '../endpoints/real-time-specs';
import { suggestion } from './did-you-mean';
import { fail, ok, type Read } from './read-flags';

/** The real-time paths, bare (`crowd-sentiment`), as the usage text lists them. */
export const bareRealTimePaths = (): string[] => Object.keys(realTimeSpecs).map(bareRealTimeName);

/** `/real-time/crowd-sentiment`, `real-time/crowd-sentiment` or `crowd-sentiment` → the catalogue path. */
export const readRealTimePath = (arg: string | undefined): Read<RealTimePath> => {
  if (arg === undefined || arg === '') {
    return fail(`stream needs a path, one of:\n  ${bareRealTimePaths().join('\n  ')}`);
  }
  const path = canonicalPath(arg);
  if (isRealTimePath(path)) return ok(path);
  const bare = bareRealTimeName(path);
  const paths = bareRealTimePaths();
  return fail(
    `Unknown real-time path '${arg}'.${suggestion(bare, paths)} Valid paths:\n  ${paths.join('\n  ')}`,
  );
};
