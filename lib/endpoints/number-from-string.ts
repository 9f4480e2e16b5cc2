import * as t from 'io-ts';

// A plain decimal literal: no hex, no exponent-less oddities like "1e", no whitespace, no "Infinity".
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;

const parse = (pattern: RegExp, u: unknown): number | undefined => {
  if (typeof u === 'number') return Number.isFinite(u) ? u : undefined;
  if (typeof u !== 'string' || !pattern.test(u)) return undefined;
  const n = Number(u);
  return Number.isFinite(n) ? n : undefined;
};

/** What {@link DecimalFromString} decodes `u` to, or `undefined` if it fails (no io-ts context). */
export const parseDecimal = (u: unknown): number | undefined => parse(DECIMAL, u);

/** What {@link IntegerFromString} decodes `u` to, or `undefined` if it fails (no io-ts context). */
export const parseInteger = (u: unknown): number | undefined => {
  const n = parse(INTEGER, u);
  return n === undefined || !Number.isSafeInteger(n) ? undefined : n;
};

/** What {@link NullableDecimalFromString} decodes `u` to, or `undefined` if it fails. */
export const parseNullableDecimal = (u: unknown): number | null | undefined =>
  u === null ? null : parseDecimal(u);

/**
 * A finite number sent as a decimal string (`"0.3671460543121055"`) or, as older responses did, a JSON
 * number. Empty strings, `"abc"`, `NaN` and `Infinity` fail. Encodes back to a decimal string.
 */
export const DecimalFromString = new t.Type<number, string, unknown>(
  'DecimalFromString',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) => {
    const n = parseDecimal(u);
    return n === undefined ? t.failure(u, c) : t.success(n);
  },
  (n) => String(n),
);

/**
 * A safe integer sent as a digit string (`"1056"`) or a JSON number: counts and ranks.
 * `"1.5"`, `1.5` and values beyond `Number.MAX_SAFE_INTEGER` fail. Encodes back to a digit string.
 */
export const IntegerFromString = new t.Type<number, string, unknown>(
  'IntegerFromString',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u),
  (u, c) => {
    const n = parseInteger(u);
    return n === undefined ? t.failure(u, c) : t.success(n);
  },
  (n) => String(n),
);

/** `null`, or a {@link DecimalFromString}: metrics upstream leaves empty while a window fills up. */
export const NullableDecimalFromString = new t.Type<number | null, string | null, unknown>(
  'NullableDecimalFromString',
  (u): u is number | null => u === null || DecimalFromString.is(u),
  (u, c) => (u === null ? t.success(null) : DecimalFromString.validate(u, c)),
  (n) => (n === null ? null : DecimalFromString.encode(n)),
);
