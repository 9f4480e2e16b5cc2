/**
 * Record shapes shared by real-time and historical endpoints, so the two catalogues cannot drift.
 * Main names follow the streaming docs; the REST names are aliases.
 */

/** The field specs every shape is built from. */
export const ts = { kind: 'timestamp' } as const;
export const ticker = { kind: 'text' } as const;
export const userId = { kind: 'text' } as const;
export const decimal = { kind: 'decimal' } as const;
export const nullableDecimal = { kind: 'nullable-decimal' } as const;
export const integer = { kind: 'integer' } as const;

export const movingAverageFields = { ts, ticker, moving_average: decimal } as const;

export const zScoreFields = { ts, ticker, z_score: decimal } as const;

export const tweetBuzzFields = { ts, ticker, buzz: decimal } as const;

export const crowdSentimentFields = {
  ts,
  ticker,
  crowd_sentiment: { kind: 'decimal', aliases: ['average_sentiment'] },
} as const;

export const marketProphitSentimentFields = {
  ts,
  ticker,
  mp_sentiment: { kind: 'decimal', aliases: ['signal_value'] },
} as const;

export const tweetVolumeFields = { ts, ticker, volume: integer } as const;

/** Real-time user sentiment: carries the user's score, which upstream may leave `null`. */
export const userSentimentFields = {
  ts,
  user_id: userId,
  ticker,
  sentiment: decimal,
  user_score: nullableDecimal,
} as const;

export const crowdSentimentChartFields = {
  ts,
  ticker,
  crowd_sentiment: decimal,
  crowd_sentiment_moving_average: nullableDecimal,
  crowd_sentiment_z_score: decimal,
  crowd_sentiment_z_score_moving_average: {
    kind: 'nullable-decimal',
    aliases: ['crowd_sentiment_z_score_moving_avg'],
  },
  volume: integer,
  buzz: decimal,
} as const;

export const marketProphitSentimentChartFields = {
  ts,
  ticker,
  mp_sentiment: decimal,
  mp_sentiment_moving_average: nullableDecimal,
  mp_sentiment_z_score: decimal,
  mp_sentiment_z_score_moving_average: {
    kind: 'nullable-decimal',
    aliases: ['mp_sentiment_z_score_moving_avg'],
  },
} as const;
