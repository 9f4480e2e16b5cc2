import { checkedString } from '../codecs/checked-string';

const TICKER = /^[A-Z0-9_]{1,20}$/;

/**
 * A ticker symbol: 1–20 upper-case letters, digits or `_` (`AAPL`, `6E_F`, `EURAUD`), as upstream's
 * own 400 message allows ("max of 20 letters and/or numbers") plus the `_` its futures tickers use.
 * Lower case is rejected rather than upper-cased: every upstream ticker is upper case, and a silent
 * change would make the echoed `params` differ from what the caller passed.
 */
export const isTicker = (value: unknown): value is string => typeof value === 'string' && TICKER.test(value);

/**
 * The ticker a refused `value` was most likely meant to be, for messages: `' aapl'` → `'AAPL'`
 * (trimmed and upper-cased, if that passes the rule above); undefined when there is none.
 */
export const likelyTicker = (value: string): string | undefined => {
  const upper = value.trim().toUpperCase();
  return upper !== value && isTicker(upper) ? upper : undefined;
};

/**
 * Upstream's own message for a bad ticker (its 400); the local server and the relay answer it for
 * every ticker the rule above refuses, lower case included.
 */
export const TICKER_MESSAGE = 'Ticker must not be empty and can have a max of 20 letters and/or numbers';

export const Ticker = checkedString(
  'Ticker',
  (s) => TICKER.test(s),
  'an upper-case ticker of 1-20 letters, digits or "_" (e.g. "AAPL", "6E_F")',
);
