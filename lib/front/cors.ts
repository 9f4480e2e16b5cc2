import type { ServerOptions as IoOptions } from 'socket.io';

/**
 * Which web origins may read the front's answers (`POST /jwt`, socket.io's polling) from a browser:
 * `'*'` any (the local server, a development tool), or a list of exact origins
 * (`https://app.example.com`); an empty list: same-origin pages only.
 */
export type CorsOrigins = '*' | readonly string[];

/** `origins` checked: `'*'` or origins written as browsers send them (`scheme://host[:port]`, no path). */
export const corsOrigins = (owner: string, origins: CorsOrigins): CorsOrigins => {
  if (origins === '*') return origins;
  if (!Array.isArray(origins)) throw new TypeError(`${owner}: origins must be a list of origins or '*'`);
  for (const origin of origins) {
    let parsed: string | undefined;
    try {
      parsed = new URL(String(origin)).origin;
    } catch {
      parsed = undefined;
    }
    if (parsed !== origin)
      throw new RangeError(
        `${owner}: origins must be origins like 'https://app.example.com' (scheme, host, port; no path), got '${String(origin)}'`,
      );
  }
  return origins;
};

const ALLOW = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
} as const;

/**
 * The CORS headers of an HTTP answer to a request from `origin` (its `Origin` header): `*` for
 * `'*'`; the origin itself when listed, and `Vary: Origin` whenever the answer depends on it.
 */
export const corsHeaders = (origins: CorsOrigins, origin: string | undefined): Record<string, string> => {
  if (origins === '*') return { 'Access-Control-Allow-Origin': '*', ...ALLOW };
  if (origin === undefined || !origins.includes(origin)) return { Vary: 'Origin' };
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', ...ALLOW };
};

/** The same rule for socket.io's handshake and polling requests. */
export const ioCors = (origins: CorsOrigins): IoOptions['cors'] => ({
  origin: origins === '*' ? '*' : [...origins],
});
