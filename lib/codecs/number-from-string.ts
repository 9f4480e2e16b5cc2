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

/** 10^0 to 10^22: the powers of ten a double holds exactly. */
const EXACT_POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

/**
 * {@link parseDecimal}'s result, worked out in one pass over the characters instead of a regex and
 * `Number` (Node's compiled decoders use it; browsers keep the smaller {@link parseDecimal}). The pass
 * checks the same literal as `isDecimalLiteral` and gathers its digits as an integer: while that integer
 * is below 2^53 and at most 22 digits follow the point (the exponent counted in), both it and the power
 * of ten are exact doubles, so one division rounds correctly and gives `Number`'s value (Clinger's fast
 * path); longer literals go to `Number`. `spec/endpoints/compiled-decoders.spec.ts` checks it against the
 * regex and `Number` on arbitrary strings.
 */
export const scanDecimal = (u: unknown): number | undefined => {
  if (typeof u !== 'string') return parseDecimal(u);
  const length = u.length;
  if (length > MAX_FIELD_LENGTH) return undefined;
  let i = 0;
  let c = u.charCodeAt(0);
  const negative = c === 45; // -
  if (negative || c === 43) i = 1; // +
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  for (; i < length; i += 1) {
    c = u.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    mantissa = mantissa * 10 + c;
    digits += 1;
  }
  if (i < length && c === -2) {
    // .
    for (i += 1; i < length; i += 1) {
      c = u.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      mantissa = mantissa * 10 + c;
      digits += 1;
      scale += 1;
    }
  }
  if (digits === 0) return undefined;
  if (i < length) {
    if (c !== 53 && c !== 21) return undefined; // e, E
    i += 1;
    c = u.charCodeAt(i);
    const sign = c === 45 ? -1 : 1;
    if (c === 45 || c === 43) i += 1;
    if (i === length) return undefined;
    let exponent = 0;
    for (; i < length; i += 1) {
      c = u.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      if (exponent < 1_000) exponent = exponent * 10 + c;
    }
    scale -= sign * exponent;
  }
  if (mantissa < 2 ** 53 && scale >= 0 && scale <= 22) {
    const n = mantissa / EXACT_POWERS_OF_TEN[scale]!;
    return negative ? -n : n;
  }
  const n = Number(u);
  return Number.isFinite(n) ? n : undefined;
};

/**
 * {@link parseInteger}'s result without a regex, for Node's compiled decoders as {@link scanDecimal}:
 * a sign and at most 15 digits are an exact safe integer when gathered digit by digit; longer strings
 * go to {@link parseInteger}.
 */
export const scanInteger = (u: unknown): number | undefined => {
  if (typeof u !== 'string' || u.length > 15) return parseInteger(u);
  const length = u.length;
  const c = u.charCodeAt(0);
  const negative = c === 45; // -
  let i = negative || c === 43 ? 1 : 0; // +
  if (i === length) return undefined;
  let n = 0;
  for (; i < length; i += 1) {
    const digit = u.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    n = n * 10 + digit;
  }
  return negative ? -n : n;
};

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
