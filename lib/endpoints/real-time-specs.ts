import type { RealTimeEndpointSpec } from './field-kind';
import {
  crowdSentimentChartFields,
  crowdSentimentFields,
  marketProphitSentimentChartFields,
  marketProphitSentimentFields,
  movingAverageFields,
  tweetBuzzFields,
  tweetVolumeFields,
  userSentimentFields,
  zScoreFields,
} from './record-fields';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/**
 * Every real-time (websocket) path with its record fields (docs/protocol.md, docs/endpoints.md).
 * The single source for the codecs, the typed `subscribe$` and the local server's generators.
 */
export const realTimeSpecs = {
  '/real-time/crowd-sentiment': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: crowdSentimentFields,
  },
  '/real-time/crowd-sentiment-moving-average': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: movingAverageFields,
  },
  '/real-time/crowd-sentiment-z-score': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: zScoreFields,
  },
  '/real-time/crowd-sentiment-z-score-moving-average': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: movingAverageFields,
  },
  '/real-time/market-prophit-sentiment': {
    params: 'ticker-optional',
    cadence: SECOND,
    fields: marketProphitSentimentFields,
  },
  '/real-time/market-prophit-sentiment-moving-average': {
    params: 'ticker-optional',
    cadence: SECOND,
    fields: movingAverageFields,
  },
  '/real-time/market-prophit-sentiment-z-score': {
    params: 'ticker-optional',
    cadence: SECOND,
    fields: zScoreFields,
  },
  '/real-time/market-prophit-sentiment-z-score-moving-average': {
    params: 'ticker-optional',
    cadence: SECOND,
    fields: movingAverageFields,
  },
  '/real-time/tweet-buzz': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: tweetBuzzFields,
  },
  '/real-time/tweet-volume': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: tweetVolumeFields,
  },
  '/real-time/user-sentiment': {
    params: 'none',
    cadence: SECOND,
    fields: userSentimentFields,
  },
  '/real-time/user-sentiment-last-minute': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: userSentimentFields,
  },
  '/real-time/crowd-sentiment-chart-data': {
    params: 'ticker-optional',
    cadence: MINUTE,
    fields: crowdSentimentChartFields,
  },
  '/real-time/market-prophit-sentiment-chart-data': {
    params: 'ticker-optional',
    cadence: SECOND,
    fields: marketProphitSentimentChartFields,
  },
} as const satisfies Record<string, RealTimeEndpointSpec>;

/** A path in the real-time catalogue, e.g. `'/real-time/crowd-sentiment'`. */
export type RealTimePath = keyof typeof realTimeSpecs;

/** Whether `path` is a real-time path of the catalogue. */
export const isRealTimePath = (path: unknown): path is RealTimePath =>
  typeof path === 'string' && Object.hasOwn(realTimeSpecs, path);
