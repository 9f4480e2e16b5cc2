import { buildQuery, type QueryValue } from '../../lib/history/build-query';

describe('buildQuery', () => {
  it.each<[Record<string, QueryValue>, string]>([
    [{}, ''],
    [{ ticker: 'AAPL' }, '?ticker=AAPL'],
    [{ ticker: 'AAPL', start_date: '08-01-2014' }, '?ticker=AAPL&start_date=08-01-2014'],
    [{ ticker: undefined, date: '09-02-2014' }, '?date=09-02-2014'],
    [{ sector: 'Other Futures' }, '?sector=Other%20Futures'],
    [{ end_ts: new Date(0) }, '?end_ts=1970-01-01T00%3A00%3A00.000Z'],
    [{ start_ts: '2014-08-12T22:38:00+02:00' }, '?start_ts=2014-08-12T22%3A38%3A00%2B02%3A00'],
    [{ 'a&b': 'c=d', n: 1 }, '?a%26b=c%3Dd&n=1'],
  ])('%p → %p', (params, query) => {
    expect(buildQuery(params)).toBe(query);
  });
});
