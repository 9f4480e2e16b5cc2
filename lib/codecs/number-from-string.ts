import * as t from 'io-ts';
import { MAX_FIELD_LENGTH } from '../util/limits';
import { tooLong } from './too-long';

/**
 * A plain decimal literal: no hex, no "1e", no whitespace, no "Infinity". Unambiguous, so matching is
 * linear: after `\d+` only a `.`, an `e`/`E` or the end may follow, so giving digits back never opens
 * another way to match (`\d+\.?\d*`, the older form, backtracks quadratically on a long run of digits
 * that ends in a letter).
 */
const DECIMAL_LITERAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const INTEGER_LITERAL = /^[-+]?\d+$/;

/** Whether `s` is a plain decimal literal, `[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?`, in linear time. */
export const isDecimalLiteral = (s: string): boolean => DECIMAL_LITERAL.test(s);

/** Whether `s` is `[-+]?\d+`. */
export const isIntegerLiteral = (s: string): boolean => INTEGER_LITERAL.test(s);

const parse = (isLiteral: (s: string) => boolean, u: unknown): number | undefined => {
  if (typeof u === 'number') return Number.isFinite(u) ? u : undefined;
  if (typeof u !== 'string' || u.length > MAX_FIELD_LENGTH || !isLiteral(u)) return undefined;
  const n = Number(u);
  return Number.isFinite(n) ? n : undefined;
};

/** What {@link DecimalFromString} decodes `u` to, or `undefined` if it fails (no io-ts context). */
export const parseDecimal = (u: unknown): number | undefined => parse(isDecimalLiteral, u);

/** What {@link IntegerFromString} decodes `u` to, or `undefined` if it fails (no io-ts context). */
export const parseInteger = (u: unknown): number | undefined => {
  const n = parse(isIntegerLiteral, u);
  return n === undefined || !Number.isSafeInteger(n) ? undefined : n;
};

/** What {@link NullableDecimalFromString} decodes `u` to, or `undefined` if it fails. */
export const parseNullableDecimal = (u: unknown): number | null | undefined =>
  u === null ? null : parseDecimal(u);

/**
 * A finite number sent as a decimal string (`"0.3671460543121055"`) or, as older responses did, a JSON
 * number. Empty strings, `"abc"`, `NaN`, `Infinity` and strings longer than `MAX_FIELD_LENGTH` (100)
 * fail. Encodes back to a decimal string.
 */
export const DecimalFromString = new t.Type<number, string, unknown>(
  'DecimalFromString',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) => {
    const n = parseDecimal(u);
    return n === undefined ? t.failure(u, c, tooLong(u, c)) : t.success(n);
  },
  (n) => String(n),
);

/**
 * A safe integer sent as a digit string (`"1056"`) or a JSON number: counts and ranks.
 * `"1.5"`, `1.5`, values beyond `Number.MAX_SAFE_INTEGER` and strings longer than `MAX_FIELD_LENGTH`
 * fail. Encodes back to a digit string.
 */
export const IntegerFromString = new t.Type<number, string, unknown>(
  'IntegerFromString',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u),
  (u, c) => {
    const n = parseInteger(u);
    return n === undefined ? t.failure(u, c, tooLong(u, c)) : t.success(n);
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
