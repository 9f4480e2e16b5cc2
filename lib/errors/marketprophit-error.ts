/**
 * The mark every error of this library carries on its prototype. `Symbol.for` is one symbol per
 * JavaScript realm, so a second copy of the package in the same app (two versions, or its ESM and its
 * CommonJS build side by side) marks its errors with the same symbol, where `instanceof` would say no.
 */
const mark = Symbol.for('marketprophit-rx.error');

/** Base class of every error this library raises. `code` is stable; `message` is for people. */
export abstract class MarketProphitError<Code extends string = string> extends Error {
  abstract override readonly name: string;

  static {
    Object.defineProperty(this.prototype, mark, { value: true });
  }

  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Whether `error` was raised by this library, by any copy of it: every guard (`isTokenError`, …)
 * matches by this mark and the class's `name`, never by `instanceof`, so that an error from a second
 * copy of the package is told apart (and retried or not) exactly as one of this copy.
 */
export const isMarketProphitError = (error: unknown): error is MarketProphitError =>
  typeof error === 'object' &&
  error !== null &&
  (error as { [mark]?: unknown })[mark] === true &&
  typeof (error as { code?: unknown }).code === 'string';

/** The guard of the error class named `name`: a {@link MarketProphitError} of any copy, by name. */
export const errorGuard =
  <E extends MarketProphitError>(name: E['name']) =>
  (error: unknown): error is E =>
    isMarketProphitError(error) && error.name === name;
