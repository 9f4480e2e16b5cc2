/** Base class of every error this library raises. `code` is stable; `message` is for people. */
export abstract class MarketProphitError<Code extends string = string> extends Error {
  abstract override readonly name: string;

  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isMarketProphitError = (error: unknown): error is MarketProphitError =>
  error instanceof MarketProphitError;
