import { isRight } from 'fp-ts/lib/Either';
import {
  historicalEndpoints,
  MonthDayYear,
  realTimeEndpoints,
  Sector,
  TimeFrame,
  TimestampParam,
  Ticker,
  UserId,
  validateParams,
} from '../../lib/endpoints';

describe('param codecs', () => {
  it.each<[string, { decode: (u: unknown) => unknown }, unknown]>([
    ['Ticker', Ticker, 'AAPL'],
    ['Ticker', Ticker, '6E_F'],
    ['Ticker', Ticker, 'EURAUD'],
    ['Ticker', Ticker, 'A'],
    ['Ticker', Ticker, 'ABCDEFGHIJ0123456789'],
    ['UserId', UserId, '14216123'],
    ['MonthDayYear', MonthDayYear, '08-26-2014'],
    ['MonthDayYear', MonthDayYear, '02-29-2016'],
    ['TimestampParam', TimestampParam, '2014-08-12T20:38:00.000Z'],
    ['TimestampParam', TimestampParam, '2014-08-12'],
    ['TimestampParam', TimestampParam, new Date(0)],
    ['Sector', Sector, 'Other Futures'],
    ['Sector', Sector, 'Technology'],
    ['TimeFrame', TimeFrame, 'ONE_WEEK'],
    ['TimeFrame', TimeFrame, 'FOUR_WEEKS'],
  ])('%s accepts %p', (_name, codec, value) => {
    expect(codec.decode(value)).toEqual({ _tag: 'Right', right: value });
  });

  it.each<[string, { decode: (u: unknown) => unknown }, unknown]>([
    ['Ticker', Ticker, ''],
    ['Ticker', Ticker, 'aapl'],
    ['Ticker', Ticker, 'BRK.B'],
    ['Ticker', Ticker, 'AAPL '],
    ['Ticker', Ticker, 'ABCDEFGHIJ01234567890'],
    ['Ticker', Ticker, 1],
    ['UserId', UserId, 'jack'],
    ['UserId', UserId, 14216123],
    ['MonthDayYear', MonthDayYear, '2014-08-26'],
    ['MonthDayYear', MonthDayYear, '02-30-2014'],
    ['MonthDayYear', MonthDayYear, '13-01-2014'],
    ['MonthDayYear', MonthDayYear, '8-26-2014'],
    ['TimestampParam', TimestampParam, '08-26-2014'],
    ['TimestampParam', TimestampParam, new Date(NaN)],
    ['TimestampParam', TimestampParam, 0],
    ['Sector', Sector, 'technology'],
    ['Sector', Sector, 'OtherFutures'],
    ['TimeFrame', TimeFrame, 'FIVE_WEEKS'],
    ['TimeFrame', TimeFrame, 'one_week'],
  ])('%s rejects %p', (_name, codec, value) => {
    expect(isRight(codec.decode(value) as never)).toBe(false);
  });
});

describe('TimestampParam', () => {
  it.each<[unknown, boolean]>([
    ['2014-08-12T20:38:00.000Z', true],
    [new Date(0), true],
    [new Date(NaN), false],
    ['08-12-2014', false],
    [0, false],
  ])('is(%p) is %p', (value, expected) => {
    expect(TimestampParam.is(value)).toBe(expected);
  });

  it('encodes a Date as ISO-8601 and keeps strings', () => {
    expect(TimestampParam.encode(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(TimestampParam.encode('2014-08-12')).toBe('2014-08-12');
  });
});

describe('validateParams', () => {
  it.each<[string, unknown]>([
    ['/real-time/crowd-sentiment', { ticker: 'AAPL' }],
    ['/real-time/crowd-sentiment', {}],
    ['/real-time/crowd-sentiment', { ticker: undefined }],
    ['/real-time/tweet-volume', { ticker: '6E_F' }],
    ['crowd-sentiment', { ticker: 'EURAUD' }],
    ['/real-time/user-sentiment', {}],
    [
      '/historical/tweet-volume',
      { ticker: 'AAPL', start_ts: '2014-08-11T00:00:00.000Z', end_ts: new Date(0) },
    ],
    ['/historical/daily-tweet-volume', { ticker: 'AAPL', start_date: '08-01-2014', end_date: '08-26-2014' }],
    ['/historical/user-scores', { date: '09-02-2014' }],
    ['/historical/user-scores-last', {}],
    ['/historical/sector-specific-user-scores', { sector: 'Other Futures', time_frame: 'TWO_WEEKS' }],
    ['/historical/sector-specific-user-returns-by-sector', { sector: 'Technology', user_id: '37555599' }],
    ['/historical/daily-user-scores-by-user', { user_id: '14216123', ticker: 'AAPL' }],
  ])('%s accepts %p', (path, params) => {
    expect(validateParams(path, params)).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['/real-time/crowd-sentiment', 'AAPL', ['params must be an object, got string']],
    ['/real-time/crowd-sentiment', null, ['params must be an object, got null']],
    ['/real-time/crowd-sentiment', ['AAPL'], ['params must be an object, got an array']],
    ['/real-time/crowd-sentiment', { tiker: 'AAPL' }, ['unknown param "tiker" (allowed: "ticker")']],
    [
      '/real-time/crowd-sentiment',
      { ticker: 'aapl' },
      [
        '"ticker" must be an upper-case ticker of 1-20 letters, digits or "_" (e.g. "AAPL", "6E_F"), got "aapl"',
      ],
    ],
    [
      '/real-time/crowd-sentiment',
      { ticker: 'TOOLONGTICKERSYMBOL123' },
      [
        '"ticker" must be an upper-case ticker of 1-20 letters, digits or "_" (e.g. "AAPL", "6E_F"), got "TOOLONGTICKERSYMBOL123"',
      ],
    ],
    ['/real-time/user-sentiment', { ticker: 'AAPL' }, ['unknown param "ticker" (allowed: none)']],
    ['/real-time/nope', {}, ['unknown path "/real-time/nope": not in the endpoint catalogue']],
    ['/historical/tweet-volume', {}, ['missing required param "ticker"']],
    [
      '/historical/tweet-volume',
      { ticker: 'AAPL', start_date: '08-01-2014' },
      ['unknown param "start_date" (allowed: "ticker", "start_ts", "end_ts")'],
    ],
    [
      '/historical/daily-tweet-volume',
      { ticker: 'AAPL', start_date: '2014-08-01' },
      ['"start_date" must be a date as MM-DD-YYYY (e.g. "08-26-2014"), got "2014-08-01"'],
    ],
    [
      '/historical/crowd-sentiment',
      { ticker: 'AAPL', end_ts: 'yesterday' },
      ['"end_ts" must be an ISO-8601 timestamp (e.g. "2014-08-12T20:38:00.000Z"), got "yesterday"'],
    ],
    [
      '/historical/sector-specific-user-scores-by-sector',
      { sector: 'Tech', time_frame: 'ONE_MONTH' },
      [
        expect.stringContaining('"sector" must be one of Agriculture, BasicMaterials,') as unknown as string,
        '"time_frame" must be one of ONE_WEEK, TWO_WEEKS, THREE_WEEKS, FOUR_WEEKS, got "ONE_MONTH"',
      ],
    ],
    [
      '/historical/daily-user-scores-by-user',
      { user_id: '@jack' },
      ['"user_id" must be a numeric user id string (e.g. "14216123"), got "@jack"'],
    ],
  ])('%s rejects %p', (path, params, messages) => {
    expect(validateParams(path, params)).toEqual(messages);
  });

  it('the params codecs return only the validated keys and encode dates as ISO-8601', () => {
    const codec = historicalEndpoints['/historical/tweet-volume'].params;
    const decoded = codec.decode({ ticker: 'AAPL', end_ts: new Date(0), start_ts: undefined });
    expect(decoded).toEqual({ _tag: 'Right', right: { ticker: 'AAPL', end_ts: new Date(0) } });
    expect(codec.encode({ ticker: 'AAPL', end_ts: new Date(0) })).toEqual({
      ticker: 'AAPL',
      end_ts: '1970-01-01T00:00:00.000Z',
    });
    expect(codec.is({ ticker: 'AAPL' })).toBe(true);
    expect(codec.is({ ticker: 'AAPL', extra: 1 })).toBe(false);
    expect(codec.is({})).toBe(false);
    expect(realTimeEndpoints['/real-time/user-sentiment'].params.is({})).toBe(true);
  });
});
