import { isRealTimePath, realTimeSpecs } from '../endpoints/real-time-specs';
import type { RealTimeEndpointSpec } from '../endpoints/field-kind';
import { realTimePathOf } from '../util/real-time-path';

/**
 * `/real-time/<name>` for both `/real-time/<name>` and a bare `<name>` (upstream's streaming docs);
 * `/historical/<name>` stays as it is.
 */
export const canonicalPath = (path: string): string =>
  path.startsWith('/historical/') ? path : realTimePathOf(path);

/** The catalogue entry of a (canonical) real-time path, if there is one. */
export const realTimeSpecOf = (path: string): RealTimeEndpointSpec | undefined =>
  isRealTimePath(path) ? realTimeSpecs[path] : undefined;
