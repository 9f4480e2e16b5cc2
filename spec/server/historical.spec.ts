import { historicalSpecs } from '../../lib/endpoints/historical-specs';
import { DEFAULT_API_KEY, TICKER_MESSAGE, type ServerOptions } from '../../lib/server';
import { basic } from './helpers';
import { harness } from '../support/harness';

const h = harness({ interval: 20 });
afterEach(() => h.cleanUp());

const NOW = Date.parse('2026-03-12T15:30:20.000Z'); // a Thursday
const DECIMAL = /^-?\d+\.\d{16}$/;

const get = async (path: string, options: ServerOptions = {}, key: string | null = DEFAULT_API_KEY) => {
  const server = await h.start({ clock: () => NOW, seed: 5, ...options });
  const response = await fetch(`${server.url}${path}`, {
    headers: key === null ? {} : { Authorization: basic(key) },
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), text };
};

const records = (text: string) => JSON.parse(text) as Record<string, string | null>[];

describe('GET /historical/<name>', () => {
  it('answers a bare JSON array of minute records over start_ts..end_ts', async () => {
    const { status, type, text } = await get(
      '/historical/crowd-sentiment?ticker=AAPL&start_ts=2014-08-26T08:00:00.000Z&end_ts=2014-08-26T08:04:30.000Z',
    );
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    const list = records(text);
    expect(list.map((record) => record['ts'])).toEqual([
      '2014-08-26T08:00:00.000Z',
      '2014-08-26T08:01:00.000Z',
      '2014-08-26T08:02:00.000Z',
      '2014-08-26T08:03:00.000Z',
      '2014-08-26T08:04:00.000Z',
    ]);
    for (const record of list) {
      expect(Object.keys(record)).toEqual(['ts', 'ticker', 'crowd_sentiment']);
      expect(record['ticker']).toBe('AAPL');
      expect(record['crowd_sentiment']).toMatch(DECIMAL);
    }
  });

  it('gives the same query on the same seed the same records', async () => {
    const path =
      '/historical/tweet-volume?ticker=TSLA&start_ts=2014-08-26T08:00:00Z&end_ts=2014-08-26T09:00:00Z';
    const [a, b] = await Promise.all([get(path), get(path)]);
    expect(records(a.text)).toHaveLength(61);
    expect(a.text).toBe(b.text);
    expect(records(a.text).every((record) => /^\d+$/.test(record['volume'] ?? ''))).toBe(true);
  });

  it('answers one record per weekday for daily endpoints (MM-DD-YYYY)', async () => {
    const { status, text } = await get(
      '/historical/daily-tweet-buzz?ticker=6E_F&start_date=03-06-2026&end_date=03-10-2026',
    );
    expect(status).toBe(200);
    // Fri 6th, (weekend), Mon 9th, Tue 10th
    expect(records(text).map((record) => record['ts'])).toEqual([
      '2026-03-06T04:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      '2026-03-10T04:00:00.000Z',
    ]);
  });

  it('defaults: the last hour for intraday, yesterday for chart data, a year for daily', async () => {
    const intraday = records((await get('/historical/tweet-buzz?ticker=AAPL')).text);
    expect(intraday).toHaveLength(61);
    expect(intraday.at(-1)?.['ts']).toBe('2026-03-12T15:30:00.000Z');
    const chart = records((await get('/historical/crowd-sentiment-chart-data?ticker=AAPL')).text);
    expect(chart).toHaveLength(1440);
    expect(chart[0]?.['ts']).toBe('2026-03-11T00:00:00.000Z');
    expect(Object.keys(chart[0] ?? {}).sort()).toEqual(
      Object.keys(historicalSpecs['/historical/crowd-sentiment-chart-data'].fields).sort(),
    );
    const daily = records((await get('/historical/daily-crowd-sentiment?ticker=AAPL')).text);
    expect(daily.length).toBeGreaterThan(250);
    expect(daily.length).toBeLessThan(265);
  });

  it('snapshots echo the params that pin a field', async () => {
    const { status, text } = await get(
      '/historical/sector-specific-user-scores?sector=Other%20Futures&date=08-26-2014',
    );
    expect(status).toBe(200);
    const list = records(text);
    expect(list).toHaveLength(10);
    expect(new Set(list.map((record) => record['sector']))).toEqual(new Set(['Other Futures']));
    expect(new Set(list.map((record) => record['ts']))).toEqual(new Set(['2014-08-26T04:00:00.000Z']));
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(
      Object.keys(historicalSpecs['/historical/sector-specific-user-scores'].fields).sort(),
    );
  });

  it.each(Object.keys(historicalSpecs))('%s answers its catalogue fields', async (path) => {
    const spec = historicalSpecs[path as keyof typeof historicalSpecs];
    const query = new URLSearchParams();
    const required: readonly string[] = spec.params.required;
    if (required.includes('ticker')) query.set('ticker', 'AAPL');
    if (required.includes('user_id')) query.set('user_id', '14216123');
    if (required.includes('sector')) query.set('sector', 'Energy');
    const optional: readonly string[] = spec.params.optional;
    if (optional.includes('start_date')) query.set('start_date', '08-25-2014');
    if (optional.includes('end_date')) query.set('end_date', '08-26-2014');
    const { status, text } = await get(`${path}?${query}`);
    expect(status).toBe(200);
    const list = records(text);
    expect(list.length).toBeGreaterThan(0);
    for (const record of list.slice(0, 50)) {
      expect(Object.keys(record).sort()).toEqual(Object.keys(spec.fields).sort());
      if (required.includes('user_id')) expect(record['user_id']).toBe('14216123');
    }
  });

  const errors: [string, number, string][] = [
    ['/historical/crowd-sentiment?ticker=AA%20PL', 400, TICKER_MESSAGE],
    ['/historical/crowd-sentiment?ticker=', 400, TICKER_MESSAGE],
    ['/historical/crowd-sentiment', 400, 'Missing required parameter: ticker'],
    ['/historical/crowd-sentiment?ticker=AAPL&foo=1', 400, 'Unknown parameter: foo'],
    [
      '/historical/daily-tweet-buzz?ticker=AAPL&start_date=2014-08-26',
      400,
      '"start_date" must be a date as MM-DD-YYYY (e.g. "08-26-2014"), got "2014-08-26"',
    ],
    [
      '/historical/crowd-sentiment?ticker=AAPL&start_ts=2014-08-27T00:00:00Z&end_ts=2014-08-26T00:00:00Z',
      400,
      'The start of the range must not be after its end',
    ],
    [
      '/historical/crowd-sentiment?ticker=AAPL&start_ts=2000-01-01T00:00:00Z',
      400,
      'Range too large: at most 20000 records per request, narrow the start/end',
    ],
    ['/historical/nope?ticker=AAPL', 404, 'Unknown endpoint: /historical/nope'],
  ];

  it.each(errors)('%s → %d with a plain-text message', async (path, status, message) => {
    const response = await get(path);
    expect(response).toEqual({ status, type: expect.stringMatching(/^text\/plain/), text: message });
  });

  it('answers 401 without a valid key and 403 for a path the key may not use', async () => {
    expect((await get('/historical/tweet-buzz?ticker=AAPL', {}, null)).status).toBe(401);
    expect((await get('/historical/tweet-buzz?ticker=AAPL', {}, 'sk_test_nope')).text).toBe(
      'Invalid API key provided',
    );
    const restricted = { apiKeys: { sk_test_r: { paths: ['/historical/tweet-buzz'] } } };
    expect((await get('/historical/tweet-buzz?ticker=AAPL', restricted, 'sk_test_r')).status).toBe(200);
    expect(await get('/historical/tweet-volume?ticker=AAPL', restricted, 'sk_test_r')).toEqual({
      status: 403,
      type: expect.stringMatching(/^text\/plain/),
      text: 'This API key may not use /historical/tweet-volume (restricted endpoint)',
    });
  });

  it('answers 405 for other methods', async () => {
    const server = await h.start();
    const response = await fetch(`${server.url}/historical/tweet-buzz?ticker=AAPL`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
    await response.text();
  });
});
