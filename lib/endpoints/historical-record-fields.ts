/** Record shapes only the historical (REST) endpoints have. */
import { decimal, integer, nullableDecimal, ticker, ts, userId } from './record-fields';

/** Daily market prophit sentiment: REST calls the daily mean `average_signal`. */
export const dailyMarketProphitSentimentFields = {
  ts,
  ticker,
  mp_sentiment: { kind: 'decimal', aliases: ['average_signal', 'signal_value'] },
} as const;

/** Historical user sentiment: no `user_score`. */
export const historicalUserSentimentFields = { ts, user_id: userId, ticker, sentiment: decimal } as const;

export const userScoreFields = { ts, user_id: userId, score: decimal, mp_rank: integer } as const;

const rankedUser = { ts, user_id: userId, user_score: nullableDecimal, mp_rank: integer } as const;

export const tickerUserScoreFields = {
  ...rankedUser,
  ticker,
  ticker_user_score: decimal,
  ticker_rank: integer,
} as const;

export const tickerUserReturnFields = {
  ...rankedUser,
  ticker,
  ticker_return: decimal,
  ticker_rank: integer,
} as const;

/** `tickers` is one string, e.g. `"TSLA, AAPL"`, kept as sent. */
export const sectorUserScoreFields = {
  ...rankedUser,
  sector: { kind: 'text' },
  sector_user_score: decimal,
  sector_rank: integer,
  tickers: { kind: 'text' },
} as const;

export const sectorUserReturnFields = {
  ...rankedUser,
  sector: { kind: 'text' },
  sector_return: decimal,
  sector_rank: integer,
  tickers: { kind: 'text' },
} as const;
