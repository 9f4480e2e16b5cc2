/**
 * Type tests for the endpoint catalogue, compiled by `tsc -p spec/tsconfig.json --noEmit` (never run).
 * Each `@ts-expect-error` must stay an error, and each positive line must keep compiling.
 */
import * as t from 'io-ts';
import type { Observable } from 'rxjs';
import {
  customEndpoint,
  type historicalEndpoints,
  realTimeEndpoints,
  recordCodec,
  type CustomEndpoint,
  type HistoricalParamsOf,
  type HistoricalPath,
  type HistoricalRecordOf,
  type ParamsOf,
  type RealTimePath,
  type RecordOf,
  type ResultsOf,
} from '../../lib/endpoints';
import { fetchHistory$, type HistoryFetch } from '../../lib/history';

type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

/* paths */
const rt: RealTimePath = '/real-time/crowd-sentiment-chart-data';
const hist: HistoricalPath = '/historical/sector-specific-user-returns-by-sector';
// @ts-expect-error unknown real-time path
const badRt: RealTimePath = '/real-time/crowd-sentiments';
// @ts-expect-error a historical path is not a real-time path
const mixed: RealTimePath = '/historical/tweet-volume';
// @ts-expect-error unknown historical path
const badHist: HistoricalPath = '/historical/nope';
// @ts-expect-error unknown path in a type argument
type BadRecord = RecordOf<'/real-time/nope'>;

/* records: exact field types */
assertType<Equals<RecordOf<'/real-time/tweet-volume'>, { ts: Date; ticker: string; volume: number }>>();
assertType<Equals<ResultsOf<'/real-time/tweet-volume'>, RecordOf<'/real-time/tweet-volume'>[]>>();
assertType<
  Equals<
    RecordOf<'/real-time/user-sentiment'>,
    { ts: Date; user_id: string; ticker: string; sentiment: number; user_score: number | null }
  >
>();
assertType<
  Equals<
    HistoricalRecordOf<'/historical/sector-specific-user-returns'>,
    {
      ts: Date;
      user_id: string;
      user_score: number | null;
      mp_rank: number;
      sector: string;
      sector_return: number;
      sector_rank: number;
      tickers: string;
    }
  >
>();
// @ts-expect-error a regressed record type fails the exact check
assertType<Equals<RecordOf<'/real-time/tweet-volume'>, { ts: Date; ticker: string; volume: string }>>();

declare const volume: RecordOf<'/real-time/tweet-volume'>;
const v: number = volume.volume;
const when: Date = volume.ts;
const tick: string = volume.ticker;
// @ts-expect-error volume is a number, not a string
const vs: string = volume.volume;
// @ts-expect-error no such field
void volume.buzz;

declare const crowd: RecordOf<'/real-time/crowd-sentiment'>;
const cs: number = crowd.crowd_sentiment;
// @ts-expect-error aliases are input-only: the decoded record has the main name only
void crowd.average_sentiment;

declare const mp: RecordOf<'/real-time/market-prophit-sentiment'>;
const mps: number = mp.mp_sentiment;
// @ts-expect-error aliases are input-only
void mp.signal_value;

declare const chart: RecordOf<'/real-time/crowd-sentiment-chart-data'>;
const zma: number | null = chart.crowd_sentiment_z_score_moving_average;
// @ts-expect-error nullable: not assignable to number
const zmaNumber: number = chart.crowd_sentiment_z_score_moving_average;
// @ts-expect-error the alias spelling is not on the decoded record
void chart.crowd_sentiment_z_score_moving_avg;

declare const userScore: HistoricalRecordOf<'/historical/daily-user-scores-by-user'>;
const rank: number = userScore.mp_rank;
// @ts-expect-error user scores have no ticker
void userScore.ticker;

/* real-time params */
const p1: ParamsOf<'/real-time/crowd-sentiment'> = { ticker: 'AAPL' };
const p2: ParamsOf<'/real-time/crowd-sentiment'> = {};
const p3: ParamsOf<'/real-time/user-sentiment'> = {};
// @ts-expect-error user-sentiment takes no ticker
const p4: ParamsOf<'/real-time/user-sentiment'> = { ticker: 'AAPL' };
// @ts-expect-error misspelt param
const p5: ParamsOf<'/real-time/crowd-sentiment'> = { tiker: 'AAPL' };
// @ts-expect-error ticker is a string
const p6: ParamsOf<'/real-time/crowd-sentiment'> = { ticker: 1 };
assertType<Equals<ParamsOf<'/real-time/tweet-volume'>, { ticker?: string }>>();

/* historical params */
const h1: HistoricalParamsOf<'/historical/tweet-volume'> = {
  ticker: 'AAPL',
  start_ts: new Date(),
  end_ts: '2014-08-12',
};
const h2: HistoricalParamsOf<'/historical/sector-specific-user-scores'> = {
  sector: 'Other Futures',
  time_frame: 'ONE_WEEK',
};
const h3: HistoricalParamsOf<'/historical/user-scores-last'> = {};
// @ts-expect-error ticker is required
const h4: HistoricalParamsOf<'/historical/tweet-volume'> = {};
// @ts-expect-error daily endpoints take start_date, not start_ts
const h5: HistoricalParamsOf<'/historical/daily-tweet-volume'> = { ticker: 'AAPL', start_ts: '2014-08-12' };
// @ts-expect-error not a sector
const h6: HistoricalParamsOf<'/historical/sector-specific-user-scores'> = { sector: 'Tech' };
// @ts-expect-error not a time frame
const h7: HistoricalParamsOf<'/historical/ticker-specific-user-scores'> = { time_frame: 'ONE_MONTH' };
// @ts-expect-error user-scores-last takes nothing
const h8: HistoricalParamsOf<'/historical/user-scores-last'> = { date: '09-02-2014' };
assertType<
  Equals<
    HistoricalParamsOf<'/historical/sector-specific-user-scores-by-sector'>,
    {
      sector: t.TypeOf<
        (typeof historicalEndpoints)['/historical/sector-specific-user-scores-by-sector']['params']
      >['sector'];
      time_frame?: 'ONE_WEEK' | 'TWO_WEEKS' | 'THREE_WEEKS' | 'FOUR_WEEKS';
      start_date?: string;
      end_date?: string;
      user_id?: string;
    }
  >
>();

/* codecs carry the same types */
const decodedVolume: t.Validation<RecordOf<'/real-time/tweet-volume'>[]> = realTimeEndpoints[
  '/real-time/tweet-volume'
].results.decode([]);

/* custom endpoints */
const custom = customEndpoint(
  '/real-time/new',
  t.array(recordCodec({ ts: { kind: 'timestamp' }, n: { kind: 'integer' } })),
);
assertType<Equals<typeof custom, CustomEndpoint<{ ts: Date; n: number }[]>>>();
// @ts-expect-error customEndpoint needs a results codec
customEndpoint('/real-time/new');

/* fetchHistory$ */
declare const fetch: HistoryFetch;
const history$: Observable<HistoricalRecordOf<'/historical/daily-tweet-volume'>[]> = fetchHistory$({
  url: '',
  fetch,
  path: '/historical/daily-tweet-volume',
  params: { ticker: 'AAPL', start_date: '08-01-2014' },
});
const custom$: Observable<{ ts: Date; n: number }[]> = fetchHistory$({
  url: '',
  fetch,
  path: custom,
  params: {},
});
// @ts-expect-error params are required by path
fetchHistory$({ url: '', fetch, path: '/historical/daily-tweet-volume', params: {} });
// @ts-expect-error fetch is required
fetchHistory$({ url: '', path: '/historical/user-scores-last', params: {} });

export const used = [
  rt,
  hist,
  badRt,
  mixed,
  badHist,
  v,
  when,
  tick,
  vs,
  cs,
  mps,
  zma,
  zmaNumber,
  rank,
  p1,
  p2,
  p3,
  p4,
  p5,
  p6,
  h1,
  h2,
  h3,
  h4,
  h5,
  h6,
  h7,
  h8,
  decodedVolume,
  history$,
  custom$,
];
export type Unused = BadRecord;
