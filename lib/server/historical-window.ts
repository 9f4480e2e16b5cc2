import type { HistoricalRange } from '../endpoints/field-kind';

/** The instants a historical answer has records for. */
export interface HistoricalWindow {
  readonly times: readonly Date[];
}

export type WindowQuery = Readonly<
  Partial<Record<'start_ts' | 'end_ts' | 'start_date' | 'end_date' | 'date', string>>
>;

/** More records than this in one answer is a 400, not a hang. */
const MAX_RECORDS = 20_000;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Upstream's daily records are stamped at midnight New York time (EDT), e.g. `T04:00:00.000Z`. */
const DAILY_HOUR = 4 * 60 * MINUTE;

/** `MM-DD-YYYY` (already validated) → that day at 00:00 UTC. */
const fromMonthDayYear = (value: string): number => {
  const [month = 1, day = 1, year = 1970] = value.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
};

const startOfDay = (ms: number): number => Math.floor(ms / DAY) * DAY;

const isWeekday = (ms: number): boolean => {
  const weekday = new Date(ms).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/**
 * Which instants to generate for a query, or an error message:
 * - `intraday`: one record a minute between `start_ts` and `end_ts` (default: the last hour), or over
 *   the days `start_date`..`end_date` (default: yesterday);
 * - `daily`: one record per weekday between `start_date` and `end_date` (default: the last year);
 * - `none`: a snapshot at `date` (default: yesterday), `count` records.
 */
export const historicalWindow = (
  range: HistoricalRange,
  /** Whether the endpoint takes `start_ts`/`end_ts` (otherwise dates). */
  byTimestamp: boolean,
  query: WindowQuery,
  now: number,
  count: number,
): HistoricalWindow | string => {
  const yesterday = startOfDay(now) - DAY;
  if (range === 'none') {
    const at = (query.date === undefined ? yesterday : fromMonthDayYear(query.date)) + DAILY_HOUR;
    return { times: Array.from({ length: count }, () => new Date(at)) };
  }
  let start: number;
  let end: number;
  let step: number;
  if (range === 'daily') {
    end = (query.end_date === undefined ? yesterday : fromMonthDayYear(query.end_date)) + DAILY_HOUR;
    start =
      query.start_date === undefined ? end - 365 * DAY : fromMonthDayYear(query.start_date) + DAILY_HOUR;
    step = DAY;
  } else if (byTimestamp) {
    end = query.end_ts === undefined ? Math.floor(now / MINUTE) * MINUTE : Date.parse(query.end_ts);
    start =
      query.start_ts === undefined
        ? end - 60 * MINUTE
        : Math.ceil(Date.parse(query.start_ts) / MINUTE) * MINUTE;
    step = MINUTE;
  } else {
    end = (query.end_date === undefined ? yesterday : fromMonthDayYear(query.end_date)) + DAY - MINUTE;
    start = query.start_date === undefined ? startOfDay(end) : fromMonthDayYear(query.start_date);
    step = MINUTE;
  }
  if (start > end) return 'The start of the range must not be after its end';
  if ((end - start) / step + 1 > MAX_RECORDS) {
    return `Range too large: at most ${MAX_RECORDS} records per request, narrow the start/end`;
  }
  const times: Date[] = [];
  for (let at = start; at <= end; at += step)
    if (range !== 'daily' || isWeekday(at)) times.push(new Date(at));
  return { times };
};
