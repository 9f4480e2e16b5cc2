import { realTimeSpecs, type RealTimePath } from '../endpoints/real-time-specs';

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

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null;

/** Keeps the latest record of each ticker in `results`. */
export const latestByTicker = (rows: Map<string, Row>, results: unknown): void => {
  if (!Array.isArray(results)) return;
  for (const record of results) {
    if (isRow(record)) rows.set(String(record['ticker'] ?? '?'), record);
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

/** The frame's lines: a status line, a header and one line per ticker, each cut to `width` columns. */
export const renderTable = (model: TableModel, width = 120): string[] => {
  const columns = ['ticker', 'ts', ...metricColumns(model.path)];
  const cells = [...model.rows.values()].map((row) => columns.map((name) => formatCell(row[name])));
  const widths = columns.map((name, index) =>
    Math.max(name.length, ...cells.map((line) => (line[index] ?? '').length)),
  );
  const line = (values: readonly string[]) =>
    values.map((value, index) => pad(value, widths[index] ?? 0, index > 1)).join('  ');
  const status =
    `${model.path}${model.ticker === undefined ? '' : ` ${model.ticker}`}` +
    `  state: ${model.state}  ${model.perSecond.toFixed(1)} events/s  ${model.total} events`;
  const body = cells.length === 0 ? ['(waiting for data)'] : cells.map(line);
  return [status, '', line(columns), ...body].map((text) => text.slice(0, Math.max(width, 20)).trimEnd());
};
