import * as t from 'io-ts';

// Date, optional time (hh:mm, optional :ss and fraction), optional zone. Date.parse alone is too lax
// ("1", "March 7") and engine-dependent outside ISO-8601.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const isValidDate = (u: unknown): u is Date => u instanceof Date && !Number.isNaN(u.getTime());

// Date.parse rolls "2014-02-30" over to March 2nd instead of failing.
const isCalendarDay = (s: string): boolean => {
  const [year, month, day] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** Whether `s` is an ISO-8601 date or date-time that names a real instant (and a real calendar day). */
export const isIsoTimestamp = (s: string): boolean =>
  ISO_8601.test(s) && isCalendarDay(s) && !Number.isNaN(Date.parse(s));

/**
 * A `Date` from an ISO-8601 string (`"2014-08-12T20:38:00.000Z"`) or epoch milliseconds (a finite
 * number). Invalid dates and anything else fail. Encodes to `toISOString()`.
 */
export const DateFromIso = new t.Type<Date, string, unknown>(
  'DateFromIso',
  isValidDate,
  (u, c) => {
    if (typeof u === 'string' && isIsoTimestamp(u)) return t.success(new Date(u));
    if (typeof u === 'number' && Number.isFinite(u)) {
      const date = new Date(u);
      if (isValidDate(date)) return t.success(date);
    }
    return t.failure(u, c);
  },
  (d) => d.toISOString(),
);
