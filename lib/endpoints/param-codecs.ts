import * as t from 'io-ts';
import { previewJson } from '../util/json-text';
import { checkedString, paramName } from '../codecs/checked-string';
import { isIsoTimestamp } from '../codecs/date-from-iso';
import { Ticker } from './ticker';

export { Ticker };

/** A numeric Twitter user id as a digit string, e.g. `"14216123"`. */
export const UserId = checkedString(
  'UserId',
  (s) => /^\d{1,20}$/.test(s),
  'a numeric user id string (e.g. "14216123")',
);

/** An ISO-8601 date or date-time string, e.g. `"2014-08-12T20:38:00.000Z"`. */
export const IsoTimestampString = checkedString(
  'IsoTimestamp',
  isIsoTimestamp,
  'an ISO-8601 timestamp (e.g. "2014-08-12T20:38:00.000Z")',
);

const isCalendarDate = (s: string): boolean => {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s);
  if (!match) return false;
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** A calendar date as upstream's `MM-DD-YYYY`, e.g. `"08-26-2014"`; `"02-30-2014"` fails. */
export const MonthDayYear = checkedString(
  'MonthDayYear',
  isCalendarDate,
  'a date as MM-DD-YYYY (e.g. "08-26-2014")',
);

/** An ISO-8601 string or a valid `Date` (sent as `toISOString()`), for `start_ts` / `end_ts`. */
export const TimestampParam = new t.Type<string | Date, string, unknown>(
  'TimestampParam',
  (u): u is string | Date => IsoTimestampString.is(u) || (u instanceof Date && !Number.isNaN(u.getTime())),
  (u, c) =>
    u instanceof Date && !Number.isNaN(u.getTime()) ? t.success(u) : IsoTimestampString.validate(u, c),
  (v) => (typeof v === 'string' ? v : v.toISOString()),
);

const keyof = <K extends string>(name: string, keys: readonly K[]) => {
  const set = new Set<string>(keys);
  const list = keys.join(', ');
  return new t.Type<K, K, unknown>(
    name,
    (u): u is K => typeof u === 'string' && set.has(u),
    (u, c) =>
      typeof u === 'string' && set.has(u)
        ? t.success(u as K)
        : t.failure(u, c, `${paramName(c)} must be one of ${list}, got ${previewJson(u)}`),
    t.identity,
  );
};

/** Upstream's sectors (note the space in `Other Futures`). */
export const sectors = [
  'Agriculture',
  'BasicMaterials',
  'Conglomerates',
  'ConsumerGoods',
  'Currency',
  'Energy',
  'Financial',
  'Healthcare',
  'Index',
  'IndustrialGoods',
  'Livestock',
  'Metals',
  'Other Futures',
  'Services',
  'Technology',
  'Utilities',
] as const;

/** One of {@link sectors}. */
export const Sector = keyof('Sector', sectors);
export type Sector = t.TypeOf<typeof Sector>;

/** The windows user scores and returns are computed over (upstream default `ONE_WEEK`). */
export const timeFrames = ['ONE_WEEK', 'TWO_WEEKS', 'THREE_WEEKS', 'FOUR_WEEKS'] as const;

/** One of {@link timeFrames}. */
export const TimeFrame = keyof('TimeFrame', timeFrames);
export type TimeFrame = t.TypeOf<typeof TimeFrame>;

/** The codec for each query param name the historical endpoints take. */
export const historicalParamCodecs = {
  ticker: Ticker,
  user_id: UserId,
  start_ts: TimestampParam,
  end_ts: TimestampParam,
  start_date: MonthDayYear,
  end_date: MonthDayYear,
  date: MonthDayYear,
  sector: Sector,
  time_frame: TimeFrame,
} as const;

/** A historical query param name. */
export type HistoricalParamName = keyof typeof historicalParamCodecs;
