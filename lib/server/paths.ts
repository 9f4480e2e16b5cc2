import { type RealTimePath, realTimeSpecs } from '../endpoints/real-time-specs';
import type { RealTimeEndpointSpec } from '../endpoints/field-kind';

const REAL_TIME_PREFIX = '/real-time/';

/**
 * `/real-time/<name>` for both `/real-time/<name>` and a bare `<name>` (upstream's streaming docs);
 * `/historical/<name>` stays as it is.
 */
export const canonicalPath = (path: string): string =>
  path.startsWith(REAL_TIME_PREFIX) || path.startsWith('/historical/')
    ? path
    : `${REAL_TIME_PREFIX}${path.replace(/^\/+/, '')}`;

const isRealTimePath = (path: string): path is RealTimePath => Object.hasOwn(realTimeSpecs, path);

/** The catalogue entry of a (canonical) real-time path, if there is one. */
export const realTimeSpecOf = (path: string): RealTimeEndpointSpec | undefined =>
  isRealTimePath(path) ? realTimeSpecs[path] : undefined;
