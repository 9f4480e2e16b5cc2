import { isMarketProphitError } from '../errors/marketprophit-error';
import type { ConnectionErrorCode } from '../errors/connection-error';
import type { TokenErrorCode } from '../errors/token-error';

/**
 * Whether one kind of failure is worth a retry: `true`, `false`, or `'by-status'`: when its HTTP
 * status is 408, 429 or 5xx.
 */
export type Retryable = boolean | 'by-status';

/**
 * What is worth a retry, by error class (its `name`) and `code`, for the errors a client's connection
 * meets: every code of `TokenError` and `ConnectionError` has its row (the type makes a new code need
 * one). `other`: any other error (a socket factory's, say; a custom token source's becomes a
 * `TokenError` of code `source`).
 */
export interface TransientTable {
  readonly TokenError: Readonly<Record<TokenErrorCode, Retryable>>;
  readonly ConnectionError: Readonly<Record<ConnectionErrorCode, Retryable>>;
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
  other: true,
};

/** `table` with `overrides` applied row by row. */
export const mergeTransient = (
  table: TransientTable,
  overrides: TransientOverrides = {},
): TransientTable => ({
  TokenError: { ...table.TokenError, ...overrides.TokenError },
  ConnectionError: { ...table.ConnectionError, ...overrides.ConnectionError },
  other: overrides.other ?? table.other,
});

/**
 * Whether `error` is worth a retry, by `table`. Errors are matched by the library's mark, `name` and
 * `code`, not by class, so an error of a second copy of this package reads the same row (and a foreign
 * object that only takes the name does not); a code the table does not know is not retried.
 */
export const isTransient = (table: TransientTable, error: unknown): boolean => {
  const { name, code, status } = (error ?? {}) as { name?: unknown; code?: unknown; status?: unknown };
  if (!isMarketProphitError(error) || (name !== 'TokenError' && name !== 'ConnectionError'))
    return table.other;
  const row: unknown = table[name][code as never];
  if (row !== 'by-status') return row === true;
  return typeof status === 'number' && (status === 408 || status === 429 || status >= 500);
};
