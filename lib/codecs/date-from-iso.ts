import * as t from 'io-ts';
import { MAX_FIELD_LENGTH } from '../util/limits';
import { tooLong } from './too-long';

// Date, optional time (hh:mm, optional :ss and fraction), optional zone. Date.parse alone is too lax
// ("1", "March 7") and engine-dependent outside ISO-8601.
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

const DAY = 86_400_000;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (month 1–12), by whole-number arithmetic: the same
 * value `Date.UTC` gives, at a fraction of its cost on the hot path. Counts from March so that the leap
 * day ends the year; an era is 400 years of 146,097 days.
 */
const daysSinceEpoch = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

/** The two ASCII digits at `i` as a number, or -1 if either is not a digit. */
const twoDigits = (s: string, i: number): number => {
  const tens = s.charCodeAt(i) - 48;
  const ones = s.charCodeAt(i + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
};

/**
 * Epoch ms of exactly the form upstream sends and `toISOString()` writes, `YYYY-MM-DDTHH:mm:ss.sssZ`,
 * read without the engine's general date parser (the hot path of every record). `undefined` for
 * anything else, which then takes the general path.
 */
const parseCanonicalIso = (s: string): number | undefined => {
  if (s.length !== 24 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':') return undefined;
  if (s[16] !== ':' || s[19] !== '.' || s[23] !== 'Z') return undefined;
  const century = twoDigits(s, 0);
  const yearOfCentury = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  const centis = twoDigits(s, 20);
  const millis = twoDigits(s, 21);
  if (century < 0 || yearOfCentury < 0 || centis < 0 || millis < 0) return undefined;
  const year = century * 100 + yearOfCentury;
  // Years 0–99 go the general way, which decides how to read them.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const ms = centis * 10 + (millis % 10);
  return daysSinceEpoch(year, month, day) * DAY + hour * 3_600_000 + minute * 60_000 + second * 1_000 + ms;
};

/**
 * The instant an ISO-8601 string names, or `undefined` if it is not one (or not a real calendar day).
 * Strings longer than `MAX_FIELD_LENGTH` are refused unread; the pattern above is linear (no nested or
 * adjacent quantifiers over the same characters) in any case.
 */
/**
 * The last canonical string read and its epoch ms: the records of an event (and its envelope) mostly
 * share one timestamp, which is then read once. A string compare of at most 24 characters.
 */
let lastText = '';
let lastMs = 0;

const parseIso = (s: string): Date | undefined => {
  if (s.length > MAX_FIELD_LENGTH) return undefined;
  if (s === lastText) return new Date(lastMs);
  const canonical = parseCanonicalIso(s);
  if (canonical !== undefined) {
    lastText = s;
    lastMs = canonical;
    return new Date(canonical);
  }
  const match = ISO_8601.exec(s);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.parse rolls "2014-02-30" over to March 2nd instead of failing.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = new Date(s);
  return Number.isNaN(date.getTime()) ? undefined : date;
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
