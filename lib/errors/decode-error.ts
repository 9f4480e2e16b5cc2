import { errorGuard, MarketProphitError } from './marketprophit-error';

/**
 * - `invalid_payload`: a `data` event did not match its codec.
 * - `invalid_response`: an HTTP response body did not match its codec.
 */
export type DecodeErrorCode = 'invalid_payload' | 'invalid_response';

/** A payload failed its io-ts codec. `report` lists every failing field, one per line. */
export class DecodeError extends MarketProphitError<DecodeErrorCode> {
  override readonly name = 'DecodeError' as const;

  constructor(
    code: DecodeErrorCode,
    readonly report: readonly string[],
    readonly value: unknown,
    readonly path?: string,
    readonly params?: unknown,
  ) {
    super(
      code,
      `Could not decode ${path ?? 'payload'}: ${report.slice(0, 5).join('; ')}${report.length > 5 ? ` (+${report.length - 5} more)` : ''}`,
    );
  }
}

/** Whether `error` is a {@link DecodeError}, from this copy of the package or another (matched by name). */
export const isDecodeError = errorGuard<DecodeError>('DecodeError');
