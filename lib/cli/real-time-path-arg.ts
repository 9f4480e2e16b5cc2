import { isRealTimePath, realTimeSpecs, type RealTimePath } from '../endpoints/real-time-specs';
import { bareRealTimeName, realTimePathOf } from '../util/real-time-path';
import { fail, ok, type Read } from './read-flags';

/** The real-time paths, bare (`crowd-sentiment`), as the usage text lists them. */
export const bareRealTimePaths = (): string[] => Object.keys(realTimeSpecs).map(bareRealTimeName);

/** `/real-time/crowd-sentiment`, `real-time/crowd-sentiment` or `crowd-sentiment` → the catalogue path. */
export const readRealTimePath = (arg: string | undefined): Read<RealTimePath> => {
  if (arg === undefined || arg === '') {
    return fail(`stream needs a path, one of:\n  ${bareRealTimePaths().join('\n  ')}`);
  }
  const path = realTimePathOf(arg);
  if (isRealTimePath(path)) return ok(path);
  return fail(`Unknown real-time path '${arg}'. Valid paths:\n  ${bareRealTimePaths().join('\n  ')}`);
};
