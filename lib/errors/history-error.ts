import { errorGuard, MarketProphitError } from './marketprophit-error';

/**
 * - `bad_request`: 400, a parameter upstream refused (its plain-text reason is in the message).
 * - `unauthorized`: 401, the API key was refused.
 * - `forbidden`: 403, the key may not use this endpoint.
 * - `not_found`: 404, no such endpoint.
 * - `not_acceptable`: 406, the requested format is not served.
 * - `server_error`: 500, upstream failed.
 * - `http`: any other HTTP status.
 * - `network`: the request never got an answer.
 * - `invalid_params`: refused before sending (the params failed their codec).
 * - `not_loaded`: `client.history$` could not load `marketprophit-rx/history` (in a browser bundle:
 *   import `fetchHistory$` from it instead).
 */
export type HistoryErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'not_acceptable'
  | 'server_error'
  | 'http'
  | 'network'
  | 'invalid_params'
  | 'not_loaded';

const codeByStatus: Readonly<Record<number, HistoryErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  406: 'not_acceptable',
  500: 'server_error',
};

/** A historical REST request failed. `status` is the HTTP status where there was one. */
export class HistoryError extends MarketProphitError<HistoryErrorCode> {
  override readonly name = 'HistoryError' as const;

  constructor(
    code: HistoryErrorCode,
    message: string,
    readonly path: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  /** The error for an HTTP error answer; upstream's plain-text body becomes part of the message. */
  static fromStatus(path: string, status: number, body: string): HistoryError {
    const detail = body.trim().slice(0, 500);
    return new HistoryError(
      codeByStatus[status] ?? 'http',
      `GET ${path} failed with HTTP ${status}${detail ? `: ${detail}` : ''}`,
      path,
      status,
    );
  }
}

/** Whether `error` is a {@link HistoryError}, from this copy of the package or another (matched by name). */
export const isHistoryError = errorGuard<HistoryError>('HistoryError');
