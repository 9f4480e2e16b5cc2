import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/** The request headers a proxy uses to say whom it forwards for, as Node names them (lower case). */
export const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/** One of {@link FORWARDING_HEADERS}: the one a trusted proxy writes. */
export type ForwardingHeader = (typeof FORWARDING_HEADERS)[number];

/** The most hops a forwarding header may list; a longer chain is not read at all. */
export const MAX_FORWARDED_HOPS = 32;

/**
 * The first header of `headers` that says the request came through a proxy: `Forwarded`, `X-Real-IP`
 * or any `X-Forwarded-*` (`-For`, `-Host`, `-Proto`…), in its own spelling; `undefined` if none.
 */
export const proxyHeaderOf = (headers: IncomingHttpHeaders): string | undefined => {
  for (const name of Object.keys(headers)) {
    if (name === 'forwarded' || name === 'x-real-ip' || name.startsWith('x-forwarded-')) return name;
  }
  return undefined;
};

/**
 * One node of a forwarding header as an IP address (`192.0.2.1`, `2001:db8::1`), or `undefined` when it
 * is none (`unknown`, an obfuscated `_id`, garbage). Takes off what proxies add around the address: the
 * quotes and `[…]` of RFC 7239, a `:port`, an IPv4-mapped IPv6 prefix.
 */
export const nodeAddress = (raw: string): string | undefined => {
  let text = raw.trim();
  if (text.length > 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    const rest = end === -1 ? '' : text.slice(end + 1);
    if (end === -1 || !(rest === '' || /^:\d{1,5}$/.test(rest))) return undefined;
    text = text.slice(1, end);
  } else if (text.indexOf(':') !== -1 && text.indexOf(':') === text.lastIndexOf(':')) {
    text = text.slice(0, text.indexOf(':')); // `192.0.2.1:4711`: one colon is a port, not IPv6
  }
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped !== null) text = mapped[1] ?? text;
  return isIP(text) === 0 ? undefined : text.toLowerCase();
};

/** The `for=` value of one RFC 7239 element (`for=192.0.2.60;proto=http;by=…`), or '' if none. */
const forValue = (element: string): string => {
  for (const pair of element.split(';')) {
    const equals = pair.indexOf('=');
    if (equals !== -1 && pair.slice(0, equals).trim().toLowerCase() === 'for') return pair.slice(equals + 1);
  }
  return '';
};

/**
 * The hops `header` lists in `headers`, nearest last (as proxies append them), each an address or
 * `undefined` where the node is not one. `[]` when the header is absent; `undefined` when it lists
 * more than {@link MAX_FORWARDED_HOPS} hops. Hostile input: one split per separator, no backtracking
 * regular expression, nothing that throws; the length is bounded by the server's `maxHeaderSize`.
 */
export const forwardedHops = (
  headers: IncomingHttpHeaders,
  header: ForwardingHeader,
): (string | undefined)[] | undefined => {
  const value = headers[header];
  // Node joins repeated headers with ", " (x-forwarded-for, forwarded); an array for set-cookie only.
  const text = Array.isArray(value) ? value.join(',') : value;
  if (text === undefined || text.trim() === '') return [];
  if (header === 'x-real-ip') return text.indexOf(',') === -1 ? [nodeAddress(text)] : [undefined];
  const elements = text.split(',');
  if (elements.length > MAX_FORWARDED_HOPS) return undefined;
  return elements.map((element) => nodeAddress(header === 'forwarded' ? forValue(element) : element));
};
