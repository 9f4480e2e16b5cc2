import { isMarketProphitError } from '../errors/marketprophit-error';

/** One line for stderr: `TokenError [unauthorized]: Token request failed with HTTP 401: …`. */
export const describeError = (error: unknown): string => {
  if (isMarketProphitError(error)) return `${error.name} [${error.code}]: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
};
