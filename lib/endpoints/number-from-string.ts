import * as t from 'io-ts';
import { MAX_FIELD_LENGTH } from '../util/limits';
import { tooLong } from './too-long';

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** The index after the ASCII digits of `s` from `i` on. */
const skipDigits = (s: string, i: number): number => {
  let at = i;
  while (at < s.length && isDigit(s.charCodeAt(at))) at += 1;
  return at;
};

/** The index after an optional `+` or `-` at `i`. */
const skipSign = (s: string, i: number): number => {
  const code = s.charCodeAt(i);
  return code === 43 || code === 45 ? i + 1 : i;
};

/**
 * Whether `s` is a plain decimal literal, `[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?`: no hex, no "1e", no
 * whitespace, no "Infinity". One pass over the characters (a regular expression for this backtracks
 * quadratically on a long run of digits that ends in a letter).
 */
export const isDecimalLiteral = (s: string): boolean => {
  const start = skipSign(s, 0);
  const integerEnd = skipDigits(s, start);
  let at = integerEnd;
  let fractionDigits = 0;
  if (s.charCodeAt(at) === 46) {
    const fractionEnd = skipDigits(s, at + 1);
    fractionDigits = fractionEnd - at - 1;
    at = fractionEnd;
  }
  if (integerEnd === start && fractionDigits === 0) return false;
  const e = s.charCodeAt(at);
  if (e === 101 || e === 69) {
    const exponentStart = skipSign(s, at + 1);
    at = skipDigits(s, exponentStart);
    if (at === exponentStart) return false;
  }
  return at === s.length;
};

/** Whether `s` is `[-+]?\d+`. */
export const isIntegerLiteral = (s: string): boolean => {
  const start = skipSign(s, 0);
  const end = skipDigits(s, start);
  return end > start && end === s.length;
};

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
