import { realTimeSpecs, type RealTimePath } from '../endpoints/real-time-specs';
import { isObject } from '../util/is-object';

/** A decoded record, as the table sees it. */
export type Row = Readonly<Record<string, unknown>>;

/** Everything one frame of the live table shows. */
export interface TableModel {
  readonly path: RealTimePath;
  readonly ticker: string | undefined;
  /** The client's state, with the reason while it retries (`describeStatus`). */
  readonly state: string;
  readonly perSecond: number;
  readonly total: number;
  /** The latest record per ticker, in the order tickers first appeared. */
  readonly rows: ReadonlyMap<string, Row>;
}

/** The columns of a path's records that are neither `ts` nor `ticker`, e.g. `['volume']`. */
export const metricColumns = (path: RealTimePath): string[] =>
  Object.keys(realTimeSpecs[path].fields).filter((name) => name !== 'ts' && name !== 'ticker');

/** Keeps the latest record of each ticker in `results`. */
export const latestByTicker = (rows: Map<string, Row>, results: unknown): void => {
  if (!Array.isArray(results)) return;
  for (const record of results) {
    if (isObject(record)) rows.set(String(record['ticker'] ?? '?'), record);
  }
};

/** Numbers to 4 decimals (integers as they are), times as `HH:MM:SS` UTC, `null` as `-`. */
export const formatCell = (value: unknown): string => {
  if (value === null || value === undefined) return '-';
  if (value instanceof Date) return value.toISOString().slice(11, 19);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(4);
  return String(value);
};

const pad = (text: string, width: number, right: boolean): string =>
  right ? text.padStart(width) : text.padEnd(width);

/** `1 event`, `2 events`. */
export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The frame's lines: a status line, a note of the columns left out (or a blank line), a header and one
 * line per ticker. The columns are `ticker`, `ts` and as many metrics, in order, as fit in `width`;
 * every line is cut to `width`.
 */
export const renderTable = (model: TableModel, width = 120): string[] => {
  const all = ['ticker', 'ts', ...metricColumns(model.path)];
  const cellsOf = (row: Row) => all.map((name) => formatCell(row[name]));
  const rows = [...model.rows.values()].map(cellsOf);
  const widths = all.map((name, index) =>
    Math.max(name.length, ...rows.map((line) => (line[index] ?? '').length)),
  );
  const room = Math.max(width, 20);
  // ticker and ts always; then the metrics, in order, while they fit.
  let shown = 2;
  let used = (widths[0] ?? 0) + 2 + (widths[1] ?? 0);
  while (shown < all.length && used + 2 + (widths[shown] ?? 0) <= room) {
    used += 2 + (widths[shown] ?? 0);
    shown += 1;
  }
  const line = (values: readonly string[]) =>
    values
      .slice(0, shown)
      .map((value, index) => pad(value, widths[index] ?? 0, index > 1))
      .join('  ');
  const status =
    `${model.path}${model.ticker === undefined ? '' : ` ${model.ticker}`}` +
    `  state: ${model.state}  ${model.perSecond.toFixed(1)} events/s  ${plural(model.total, 'event')}`;
  const hidden = all.length - shown;
  const note =
    hidden === 0 ? '' : `(+${plural(hidden, 'column')}: widen the terminal or use --format ndjson)`;
  const body = rows.length === 0 ? ['(waiting for data)'] : rows.map(line);
  return [status, note, line(all), ...body].map((text) => text.slice(0, room).trimEnd());
};
