import { errorGuard, MarketProphitError } from './marketprophit-error';

/**
 * - `unauthorized`: 401, the API key (or the proxy's caller) was refused.
 * - `forbidden`: 403, the key may not use this endpoint.
 * - `http`: any other HTTP status.
 * - `network`: the request never got an answer.
 * - `timeout`: no answer within the policy's `tokenTimeout` (the request is aborted).
 * - `bad_response`: the answer was not `{ token: string }`.
 * - `source`: a custom token function failed.
 * - `rejected`: the socket server refused fresh tokens more than `retryAttempts` times in a row.
 */
export type TokenErrorCode =
  'unauthorized' | 'forbidden' | 'http' | 'network' | 'timeout' | 'bad_response' | 'source' | 'rejected';

/** Getting a token failed. `status` is the HTTP status where there was one. */
export class TokenError extends MarketProphitError<TokenErrorCode> {
  override readonly name = 'TokenError' as const;

  constructor(
    code: TokenErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  static fromStatus(status: number, body: string): TokenError {
    const code = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'http';
    const detail = body.trim().slice(0, 200);
    return new TokenError(
      code,
      `Token request failed with HTTP ${status}${detail ? `: ${detail}` : ''}`,
      status,
    );
  }
}

/** Whether `error` is a {@link TokenError}, from this copy of the package or another (matched by name). */
export const isTokenError = errorGuard<TokenError>('TokenError');
