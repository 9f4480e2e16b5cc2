const PREFIX = '/real-time/';

/**
 * The one way a real-time path is written down: `/real-time/<name>` for `/real-time/<name>`,
 * `real-time/<name>`, `<name>` and `/<name>` alike (upstream's streaming docs use bare names).
 * The name itself is not checked: look it up in the catalogue.
 */
export const realTimePathOf = (path: string): string =>
  `${PREFIX}${path.replace(/^\/+/, '').replace(/^real-time\/+/, '')}`;

/** `/real-time/<name>` → `<name>`. */
export const bareRealTimeName = (path: string): string =>
  path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path;
