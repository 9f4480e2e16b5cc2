import type { ConnectionErrorCode } from '../errors/connection-error';
import type { DecodeErrorCode } from '../errors/decode-error';
import type { HistoryErrorCode } from '../errors/history-error';
import type { SubscribeErrorCode } from '../errors/subscribe-error';
import type { TokenErrorCode } from '../errors/token-error';

/**
 * Whether one kind of failure is worth a retry: `true`, `false`, or `'by-status'`: when its HTTP
 * status is 408, 429 or 5xx.
 */
export type Retryable = boolean | 'by-status';

/**
 * What is worth a retry, by error class (its `name`) and `code`: every code of every error this
 * library raises has its row, so a new code cannot be left out. `other`: any error that is none of
 * these (a custom token source's, a socket factory's).
 */
export interface TransientTable {
  readonly TokenError: Readonly<Record<TokenErrorCode, Retryable>>;
  readonly ConnectionError: Readonly<Record<ConnectionErrorCode, Retryable>>;
  readonly HistoryError: Readonly<Record<HistoryErrorCode, Retryable>>;
  readonly SubscribeError: Readonly<Record<SubscribeErrorCode, Retryable>>;
  readonly DecodeError: Readonly<Record<DecodeErrorCode, Retryable>>;
  readonly other: boolean;
}

/** Parts of a {@link TransientTable}: the rows given replace the defaults, the rest stay. */
export type TransientOverrides = {
  readonly [Name in keyof TransientTable]?: TransientTable[Name] extends boolean
    ? boolean
    : Partial<TransientTable[Name]>;
};

/**
 * Network failures, timeouts, 408, 429 and 5xx are worth a retry; a refused key (`unauthorized`,
 * `forbidden`, which a token route may report with a 502 of its own) and a protocol mismatch are not.
 * A token the socket server refused (`TokenError` `rejected`) is: a fresh one may well be accepted.
 */
export const defaultTransient: TransientTable = {
  TokenError: {
    unauthorized: false,
    forbidden: false,
    http: 'by-status',
    network: true,
    timeout: true,
    bad_response: 'by-status',
    source: true,
    rejected: true,
  },
  ConnectionError: {
    connect_failed: true,
    connect_timeout: true,
    disconnected: true,
    protocol_mismatch: false,
  },
  HistoryError: {
    bad_request: false,
    unauthorized: false,
    forbidden: false,
    not_found: false,
    not_acceptable: false,
    server_error: true,
    http: 'by-status',
    network: true,
    invalid_params: false,
    not_loaded: false,
  },
  SubscribeError: { rejected: false, ack_timeout: false, invalid_params: false, decoder_conflict: false },
  DecodeError: { invalid_payload: false, invalid_response: false },
  other: true,
};

/** `table` with `overrides` applied row by row. */
export const mergeTransient = (
  table: TransientTable,
  overrides: TransientOverrides = {},
): TransientTable => ({
  TokenError: { ...table.TokenError, ...overrides.TokenError },
  ConnectionError: { ...table.ConnectionError, ...overrides.ConnectionError },
  HistoryError: { ...table.HistoryError, ...overrides.HistoryError },
  SubscribeError: { ...table.SubscribeError, ...overrides.SubscribeError },
  DecodeError: { ...table.DecodeError, ...overrides.DecodeError },
  other: overrides.other ?? table.other,
});

const NAMES = ['TokenError', 'ConnectionError', 'HistoryError', 'SubscribeError', 'DecodeError'] as const;

/**
 * Whether `error` is worth a retry, by `table`. Errors are matched by `name` and `code`, not by class,
 * so an error of a second copy of this package reads the same row; a code the table does not know is
 * not retried.
 */
export const isTransient = (table: TransientTable, error: unknown): boolean => {
  const { name, code, status } = (error ?? {}) as { name?: unknown; code?: unknown; status?: unknown };
  const rows = NAMES.find((known) => known === name);
  if (rows === undefined) return table.other;
  const row: unknown =
    typeof code === 'string' ? (table[rows] as Record<string, Retryable>)[code] : undefined;
  if (row !== 'by-status') return row === true;
  return typeof status === 'number' && (status === 408 || status === 429 || status >= 500);
};
