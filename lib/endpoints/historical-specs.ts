import type { HistoricalEndpointSpec } from './field-kind';
import type { HistoricalParamName } from './param-codecs';
import {
  crowdSentimentChartFields,
  crowdSentimentFields,
  marketProphitSentimentChartFields,
  marketProphitSentimentFields,
  movingAverageFields,
  tweetBuzzFields,
  tweetVolumeFields,
  zScoreFields,
} from './record-fields';
import {
  dailyMarketProphitSentimentFields,
  historicalUserSentimentFields,
  sectorUserReturnFields,
  sectorUserScoreFields,
  tickerUserReturnFields,
  tickerUserScoreFields,
  userScoreFields,
} from './historical-record-fields';

/** Param lists may only name params that have a codec. */
interface KnownParams {
  readonly required: readonly HistoricalParamName[];
  readonly optional: readonly HistoricalParamName[];
}

/**
 * Every REST `GET /historical/<name>` endpoint (upstream ENDPOINTS.md): its query params (names as
 * sent; see `historicalParamCodecs` for their formats), the granularity of its records and their
 * fields. The single source for the historical codecs, `fetchHistory$` and the local server.
 */
export const historicalSpecs = {
  '/historical/crowd-sentiment-chart-data': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'intraday',
    fields: crowdSentimentChartFields,
  },
  '/historical/market-prophit-sentiment-chart-data': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'intraday',
    fields: marketProphitSentimentChartFields,
  },
  '/historical/daily-crowd-sentiment-chart-data': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: crowdSentimentChartFields,
  },
  '/historical/daily-market-prophit-sentiment-chart-data': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: marketProphitSentimentChartFields,
  },
  '/historical/crowd-sentiment': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts'] },
    range: 'intraday',
    fields: crowdSentimentFields,
  },
  '/historical/daily-crowd-sentiment': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: crowdSentimentFields,
  },
  '/historical/crowd-sentiment-moving-average': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts'] },
    range: 'intraday',
    fields: movingAverageFields,
  },
  '/historical/daily-crowd-sentiment-moving-average': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: movingAverageFields,
  },
  '/historical/market-prophit-sentiment': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts'] },
    range: 'intraday',
    fields: marketProphitSentimentFields,
  },
  '/historical/daily-market-prophit-sentiment': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: dailyMarketProphitSentimentFields,
  },
  '/historical/market-prophit-sentiment-moving-average': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts'] },
    range: 'intraday',
    fields: movingAverageFields,
  },
  '/historical/daily-market-prophit-sentiment-moving-average': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: movingAverageFields,
  },
  '/historical/crowd-sentiment-z-score': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts'] },
    range: 'intraday',
    fields: zScoreFields,
  },
  '/historical/daily-crowd-sentiment-z-score': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: zScoreFields,
  },
  '/historical/crowd-sentiment-z-score-moving-average': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts'] },
    range: 'intraday',
    fields: movingAverageFields,
  },
  '/historical/daily-crowd-sentiment-z-score-moving-average': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: movingAverageFields,
  },
  '/historical/market-prophit-sentiment-z-score': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts'] },
    range: 'intraday',
    fields: zScoreFields,
  },
  '/historical/daily-market-prophit-sentiment-z-score': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: zScoreFields,
  },
  '/historical/market-prophit-sentiment-z-score-moving-average': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts'] },
    range: 'intraday',
    fields: movingAverageFields,
  },
  '/historical/daily-market-prophit-sentiment-z-score-moving-average': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: movingAverageFields,
  },
  '/historical/tweet-volume': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts'] },
    range: 'intraday',
    fields: tweetVolumeFields,
  },
  '/historical/daily-tweet-volume': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: tweetVolumeFields,
  },
  '/historical/tweet-buzz': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts'] },
    range: 'intraday',
    fields: tweetBuzzFields,
  },
  '/historical/daily-tweet-buzz': {
    params: { required: ['ticker'], optional: ['start_date', 'end_date'] },
    range: 'daily',
    fields: tweetBuzzFields,
  },
  '/historical/user-sentiment-by-user': {
    params: { required: ['user_id'], optional: ['start_ts', 'end_ts', 'ticker'] },
    range: 'intraday',
    fields: historicalUserSentimentFields,
  },
  '/historical/user-sentiment-by-ticker': {
    params: { required: ['ticker'], optional: ['start_ts', 'end_ts', 'user_id'] },
    range: 'intraday',
    fields: historicalUserSentimentFields,
  },
  '/historical/user-scores': {
    params: { required: [], optional: ['date'] },
    range: 'none',
    fields: userScoreFields,
  },
  '/historical/user-scores-last': {
    params: { required: [], optional: [] },
    range: 'none',
    fields: userScoreFields,
  },
  '/historical/daily-user-scores-by-user': {
    params: { required: ['user_id'], optional: ['start_date', 'end_date', 'ticker'] },
    range: 'daily',
    fields: userScoreFields,
  },
  '/historical/ticker-specific-user-scores': {
    params: { required: [], optional: ['time_frame', 'date', 'ticker'] },
    range: 'none',
    fields: tickerUserScoreFields,
  },
  '/historical/ticker-specific-user-scores-by-user': {
    params: { required: ['user_id'], optional: ['time_frame', 'start_date', 'end_date', 'ticker'] },
    range: 'daily',
    fields: tickerUserScoreFields,
  },
  '/historical/ticker-specific-user-scores-by-ticker': {
    params: { required: ['ticker'], optional: ['time_frame', 'start_date', 'end_date', 'user_id'] },
    range: 'daily',
    fields: tickerUserScoreFields,
  },
  '/historical/sector-specific-user-scores': {
    params: { required: [], optional: ['time_frame', 'date', 'sector'] },
    range: 'none',
    fields: sectorUserScoreFields,
  },
  '/historical/sector-specific-user-scores-by-user': {
    params: { required: ['user_id'], optional: ['time_frame', 'start_date', 'end_date', 'sector'] },
    range: 'daily',
    fields: sectorUserScoreFields,
  },
  '/historical/sector-specific-user-scores-by-sector': {
    params: { required: ['sector'], optional: ['time_frame', 'start_date', 'end_date', 'user_id'] },
    range: 'daily',
    fields: sectorUserScoreFields,
  },
  '/historical/ticker-specific-user-returns': {
    params: { required: [], optional: ['time_frame', 'date', 'ticker'] },
    range: 'none',
    fields: tickerUserReturnFields,
  },
  '/historical/ticker-specific-user-returns-by-user': {
    params: { required: ['user_id'], optional: ['time_frame', 'ticker', 'start_date', 'end_date'] },
    range: 'daily',
    fields: tickerUserReturnFields,
  },
  '/historical/ticker-specific-user-returns-by-ticker': {
    params: { required: ['ticker'], optional: ['time_frame', 'start_date', 'end_date', 'user_id'] },
    range: 'daily',
    fields: tickerUserReturnFields,
  },
  '/historical/sector-specific-user-returns': {
    params: { required: [], optional: ['time_frame', 'date', 'sector'] },
    range: 'none',
    fields: sectorUserReturnFields,
  },
  '/historical/sector-specific-user-returns-by-user': {
    params: { required: ['user_id'], optional: ['time_frame', 'start_date', 'end_date', 'sector'] },
    range: 'daily',
    fields: sectorUserReturnFields,
  },
  '/historical/sector-specific-user-returns-by-sector': {
    params: { required: ['sector'], optional: ['time_frame', 'start_date', 'end_date', 'user_id'] },
    range: 'daily',
    fields: sectorUserReturnFields,
  },
} as const satisfies Record<string, HistoricalEndpointSpec & { readonly params: KnownParams }>;

/** A path in the historical catalogue, e.g. `'/historical/daily-tweet-volume'`. */
export type HistoricalPath = keyof typeof historicalSpecs;
