import type { RealTimeParamsKind } from './real-time-params';

/**
 * How a record field travels and what it decodes to. Upstream sends metrics as decimal strings
 * (older responses: JSON numbers), so every numeric kind accepts both.
 * - `decimal`: a finite number.
 * - `nullable-decimal`: a finite number or `null`.
 * - `integer`: a whole number (counts, ranks).
 * - `text`: a string (ids, tickers, sectors).
 * - `timestamp`: ISO-8601 (or epoch ms), decoded to `Date`.
 */
export type FieldKind = 'decimal' | 'nullable-decimal' | 'integer' | 'text' | 'timestamp';

/** One record field; `aliases` are other names upstream used for it, decoded into this one. */
export interface FieldSpec {
  readonly kind: FieldKind;
  readonly aliases?: readonly string[];
}

/** What a path takes as params: a key of `realTimeParamsTable` (`real-time-params.ts`). */
export type { RealTimeParamsKind };

export interface RealTimeEndpointSpec {
  readonly params: RealTimeParamsKind;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** How often upstream publishes, in ms (the local server's default cadence is faster). */
  readonly cadence: number;
}

/**
 * The granularity of a historical endpoint's records over the requested window:
 * - `intraday`: minute or second records (window: `start_ts`/`end_ts`, or `start_date`/`end_date`
 *   for the chart-data bundles);
 * - `daily`: one record per business day (window: `start_date`/`end_date`);
 * - `none`: a snapshot for one business date (`date`, or the latest).
 */
export type HistoricalRange = 'intraday' | 'daily' | 'none';

/** A REST `GET /historical/<name>` endpoint: its query params, range and record fields. */
export interface HistoricalEndpointSpec {
  readonly params: { readonly required: readonly string[]; readonly optional: readonly string[] };
  readonly range: HistoricalRange;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}
