import * as t from 'io-ts';
import { previewJson } from '../util/json-text';

/** A string codec with a readable failure message. */
export const checkedString = (name: string, test: (s: string) => boolean, expected: string) =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && test(u),
    (u, c) =>
      typeof u === 'string' && test(u)
        ? t.success(u)
        : t.failure(u, c, `${paramName(c)} must be ${expected}, got ${previewJson(u)}`),
    t.identity,
  );

/** How a failure message names the value: the param's key in quotes, or `value` at the root. */
export const paramName = (c: t.Context): string => {
  const key = c[c.length - 1]?.key;
  return key ? `"${key}"` : 'value';
};
