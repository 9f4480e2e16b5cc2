import type { RealTimeEndpointSpec } from './field-kind';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

const ts = { kind: 'timestamp' } as const;
const ticker = { kind: 'text' } as const;
const decimal = { kind: 'decimal' } as const;

/**
 * Every real-time (websocket) path with its record fields, from PROTOCOL.md and the upstream docs.
 * The single source for the codecs, the typed `subscribe$` and the local server's generators.
 */
export const realTimeSpecs = {
  '/real-time/crowd-sentiment': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: { ts, ticker, crowd_sentiment: { kind: 'decimal', aliases: ['average_sentiment'] } },
  },
  '/real-time/crowd-sentiment-moving-average': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: { ts, ticker, moving_average: decimal },
  },
  '/real-time/crowd-sentiment-z-score': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: { ts, ticker, z_score: decimal },
  },
  '/real-time/crowd-sentiment-z-score-moving-average': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: { ts, ticker, moving_average: decimal },
  },
  '/real-time/market-prophit-sentiment': {
    params: 'ticker-optional',
    cadence: SECOND,
    fields: { ts, ticker, mp_sentiment: { kind: 'decimal', aliases: ['signal_value'] } },
  },
  '/real-time/market-prophit-sentiment-moving-average': {
    params: 'ticker-optional',
    cadence: SECOND,
    fields: { ts, ticker, moving_average: decimal },
  },
  '/real-time/market-prophit-sentiment-z-score': {
    params: 'ticker-optional',
    cadence: SECOND,
    fields: { ts, ticker, z_score: decimal },
  },
  '/real-time/market-prophit-sentiment-z-score-moving-average': {
    params: 'ticker-optional',
    cadence: SECOND,
    fields: { ts, ticker, moving_average: decimal },
  },
  '/real-time/tweet-buzz': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: { ts, ticker, buzz: decimal },
  },
  '/real-time/tweet-volume': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: { ts, ticker, volume: { kind: 'integer' } },
  },
  '/real-time/user-sentiment': {
    params: 'none',
    cadence: SECOND,
    fields: {
      ts,
      user_id: { kind: 'text' },
      ticker,
      sentiment: decimal,
      user_score: { kind: 'nullable-decimal' },
    },
  },
  '/real-time/user-sentiment-last-minute': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: {
      ts,
      user_id: { kind: 'text' },
      ticker,
      sentiment: decimal,
      user_score: { kind: 'nullable-decimal' },
    },
  },
  '/real-time/crowd-sentiment-chart-data': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: {
      ts,
      ticker,
      crowd_sentiment: decimal,
      crowd_sentiment_moving_average: { kind: 'nullable-decimal' },
      crowd_sentiment_z_score: decimal,
      crowd_sentiment_z_score_moving_average: {
        kind: 'nullable-decimal',
        aliases: ['crowd_sentiment_z_score_moving_avg'],
      },
      volume: { kind: 'integer' },
      buzz: decimal,
    },
  },
  '/real-time/market-prophit-sentiment-chart-data': {
    params: 'ticker-optional',
    cadence: SECOND,
    fields: {
      ts,
      ticker,
      mp_sentiment: decimal,
      mp_sentiment_moving_average: { kind: 'nullable-decimal' },
      mp_sentiment_z_score: decimal,
      mp_sentiment_z_score_moving_average: {
        kind: 'nullable-decimal',
        aliases: ['mp_sentiment_z_score_moving_avg'],
      },
    },
  },
} as const satisfies Record<string, RealTimeEndpointSpec>;

export type RealTimePath = keyof typeof realTimeSpecs;
