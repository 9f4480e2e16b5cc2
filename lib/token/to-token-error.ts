import { TokenError, isTokenError } from '../errors/token-error';

/** Errors from a custom token source become `TokenError`s (code `source`, retried as transient). */
export const toTokenError = (error: unknown): TokenError =>
  isTokenError(error)
    ? error
    : new TokenError(
        'source',
        `Token source failed: ${error instanceof Error ? error.message : String(error)}`,
        undefined,
        {
          cause: error,
        },
      );
