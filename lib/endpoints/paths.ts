import type { RealTimeEndpointSpec } from './field-kind';
import { isRealTimePath, realTimeSpecs } from './real-time-specs';

const PREFIX = '/real-time/';

/**
 * The one way a catalogue path is written down (the client's lookup, the server, the relay and the CLI
 * all read paths through it): `/real-time/<name>` for `/real-time/<name>`, `real-time/<name>`, `<name>`
 * and `/<name>` alike (upstream's streaming docs use bare names); `/historical/<name>` stays as it is.
 * The name itself is not checked: look it up in the catalogue.
 */
export const canonicalPath = (path: string): string =>
  path.startsWith('/historical/')
    ? path
    : `${PREFIX}${path.replace(/^\/+/, '').replace(/^real-time\/+/, '')}`;

/** `/real-time/<name>` → `<name>`; any other path as it is. */
export const bareRealTimeName = (path: string): string =>
  path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path;

/** The catalogue entry of a real-time path however it is spelt (see {@link canonicalPath}), if any. */
export const realTimeSpecOf = (path: string): RealTimeEndpointSpec | undefined => {
  const canonical = canonicalPath(path);
  return isRealTimePath(canonical) ? realTimeSpecs[canonical] : undefined;
};
