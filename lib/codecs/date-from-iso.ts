import * as t from 'io-ts';
import { MAX_FIELD_LENGTH } from '../util/limits';
import { canonicalIsoMs } from '#canonical-iso';
import { daysInMonth } from './days-in-month';
import { tooLong } from './too-long';

// Date, optional time (hh:mm, optional :ss and fraction), optional zone. Date.parse alone is too lax
// ("1", "March 7") and engine-dependent outside ISO-8601.
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The last string read and its epoch ms: the records of an event (and its envelope) mostly share one
 * timestamp, which is then read once. A string compare of at most `MAX_FIELD_LENGTH` characters.
 */
let lastText = '';
let lastMs = 0;

/**
 * The epoch ms an ISO-8601 string names, or `undefined` if it is not one (or not a real calendar day).
 * The pattern above is linear (no nested or adjacent quantifiers over the same characters).
 */
const isoMs = (s: string): number | undefined => {
  // Node reads the canonical form itself (#canonical-iso); browsers leave it to `Date`, below.
  const canonical = canonicalIsoMs(s);
  if (canonical !== undefined) return canonical;
  const match = ISO_8601.exec(s);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.parse rolls "2014-02-30" over to March 2nd instead of failing.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * The instant an ISO-8601 string names, or `undefined` if it is not one (or not a real calendar day).
 * Strings longer than `MAX_FIELD_LENGTH` are refused unread.
 */
const parseIso = (s: string): Date | undefined => {
  if (s.length > MAX_FIELD_LENGTH) return undefined;
  if (s !== lastText) {
    const ms = isoMs(s);
    if (ms === undefined) return undefined;
    lastText = s;
    lastMs = ms;
  }
  return new Date(lastMs);
};

/** Whether `s` is an ISO-8601 date or date-time that names a real instant (and a real calendar day). */
export const isIsoTimestamp = (s: string): boolean => parseIso(s) !== undefined;

const isValidDate = (u: unknown): u is Date => u instanceof Date && !Number.isNaN(u.getTime());

/**
 * The `Date` {@link DateFromIso} decodes `u` to, or `undefined` if it fails: the check without io-ts's
 * context, for hot paths.
 */
export const parseDate = (u: unknown): Date | undefined => {
  if (typeof u === 'string') return parseIso(u);
  if (typeof u === 'number' && Number.isFinite(u)) {
    const date = new Date(u);
    if (isValidDate(date)) return date;
  }
  return undefined;
};

/**
 * A `Date` from an ISO-8601 string (`"2014-08-12T20:38:00.000Z"`) or epoch milliseconds (a finite
 * number). Invalid dates, strings longer than `MAX_FIELD_LENGTH` and anything else fail. Encodes to `toISOString()`.
 */
export const DateFromIso = new t.Type<Date, string, unknown>(
  'DateFromIso',
  isValidDate,
  (u, c) => {
    const date = parseDate(u);
    return date === undefined ? t.failure(u, c, tooLong(u, c)) : t.success(date);
  },
  (d) => d.toISOString(),
);
