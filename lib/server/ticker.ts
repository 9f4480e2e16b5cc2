/** Upstream's own message for a bad ticker (its 400). */
export const TICKER_MESSAGE = 'Ticker must not be empty and can have a max of 20 letters and/or numbers';

/** Letters and digits as upstream says, plus `_` because its futures tickers look like `6E_F`. */
export const isTicker = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_]{1,20}$/.test(value);
