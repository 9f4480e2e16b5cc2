import { PassThrough } from 'node:stream';
import { ndjsonLine, redraw } from '../../lib/cli/event-sink';
import { rateMeter } from '../../lib/cli/rate-meter';
import { formatCell, latestByTicker, metricColumns, renderTable, type Row } from '../../lib/cli/render-table';
import { safeOutput } from '../../lib/cli/safe-output';
import { streamTarget, type StreamCommand } from '../../lib/cli/stream-command';

const ts = new Date('2026-01-02T14:30:05.000Z');

describe('ndjsonLine', () => {
  it('writes one event as one line in the protocol shape, dates as ISO-8601', () => {
    const line = ndjsonLine({
      path: '/real-time/tweet-volume',
      params: { ticker: 'AAPL' },
      results: [{ ts, ticker: 'AAPL', volume: 3 }],
      timestamp: ts,
    });
    expect(line).toBe(
      '{"path":"/real-time/tweet-volume","params":{"ticker":"AAPL"},' +
        '"results":[{"ts":"2026-01-02T14:30:05.000Z","ticker":"AAPL","volume":3}],' +
        '"timestamp":"2026-01-02T14:30:05.000Z"}\n',
    );
  });
});

describe('the live table', () => {
  it.each([
    ['/real-time/crowd-sentiment', ['crowd_sentiment']],
    ['/real-time/tweet-volume', ['volume']],
    ['/real-time/user-sentiment', ['user_id', 'sentiment', 'user_score']],
  ] as const)('%s has the metric columns %j', (path, columns) => {
    expect(metricColumns(path)).toEqual(columns);
  });

  it.each([
    [0.123456, '0.1235'],
    [1056, '1056'],
    [null, '-'],
    [ts, '14:30:05'],
    ['6E_F', '6E_F'],
  ])('formats %j as %s', (value, text) => {
    expect(formatCell(value)).toBe(text);
  });

  it('keeps the latest record per ticker and renders the state, the rate and aligned columns', () => {
    const rows = new Map<string, Row>();
    latestByTicker(rows, [
      { ts, ticker: 'AAPL', volume: 1 },
      { ts, ticker: 'TSLA', volume: 20 },
    ]);
    latestByTicker(rows, [{ ts, ticker: 'AAPL', volume: 300 }]);

    const lines = renderTable({
      path: '/real-time/tweet-volume',
      ticker: undefined,
      state: 'connected',
      perSecond: 2,
      total: 2,
      rows,
    });

    expect(lines).toEqual([
      '/real-time/tweet-volume  state: connected  2.0 events/s  2 events',
      '',
      'ticker  ts        volume',
      'AAPL    14:30:05     300',
      'TSLA    14:30:05      20',
    ]);
  });

  it('says it is waiting before the first event, and cuts lines to the terminal width', () => {
    const lines = renderTable(
      {
        path: '/real-time/crowd-sentiment',
        ticker: 'AAPL',
        state: 'connecting',
        perSecond: 0,
        total: 0,
        rows: new Map(),
      },
      30,
    );
    expect(lines).toEqual([
      '/real-time/crowd-sentiment AAP',
      '',
      'ticker  ts  crowd_sentiment',
      '(waiting for data)',
    ]);
  });

  it('says 1 event, not 1 events', () => {
    const rows = new Map<string, Row>([['AAPL', { ts, ticker: 'AAPL', volume: 1 }]]);
    const [status] = renderTable({
      path: '/real-time/tweet-volume',
      ticker: 'AAPL',
      state: 'connected',
      perSecond: 1,
      total: 1,
      rows,
    });
    expect(status).toBe('/real-time/tweet-volume AAPL  state: connected  1.0 events/s  1 event');
  });

  it('shows the metrics that fit the terminal, in order, and says how many it left out', () => {
    const rows = new Map<string, Row>();
    latestByTicker(rows, [
      {
        ts,
        ticker: 'AAPL',
        mp_sentiment: 0.5,
        mp_sentiment_moving_average: null,
        mp_sentiment_z_score: 1.25,
        mp_sentiment_z_score_moving_average: -0.75,
      },
    ]);
    const model = {
      path: '/real-time/market-prophit-sentiment-chart-data' as const,
      ticker: undefined,
      state: 'connected' as const,
      perSecond: 1,
      total: 3,
      rows,
    };
    const lines = renderTable(model, 60);
    expect(lines.slice(1)).toEqual([
      '(+2 columns: widen the terminal or use --format ndjson)',
      'ticker  ts        mp_sentiment  mp_sentiment_moving_average',
      'AAPL    14:30:05        0.5000                            -',
    ]);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(60);
    expect(renderTable(model, 200)[1]).toBe('');
  });

  it('redraws in place: up over the last frame, clear, write', () => {
    expect(redraw(0, ['a', 'b'])).toBe('a\nb\n');
    expect(redraw(2, ['c'])).toBe('\u001b[2F\u001b[Jc\n');
  });

  it('counts events per second over the last second', () => {
    let now = 0;
    const rate = rateMeter(() => now);
    rate.record();
    now = 500;
    rate.record();
    expect(rate.perSecond()).toBe(2);
    now = 1_200;
    expect(rate.perSecond()).toBe(1);
    now = 2_000;
    expect(rate.perSecond()).toBe(0);
  });
});

describe('safeOutput', () => {
  it('stops writing, quietly, once the stream failed (EPIPE)', () => {
    const stream = new PassThrough();
    const written: string[] = [];
    stream.on('data', (chunk: Buffer) => written.push(chunk.toString()));
    const output = safeOutput(stream);
    let closed = false;
    output.closed$.subscribe(() => (closed = true));

    output.write('one\n');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    output.write('two\n');

    expect(closed).toBe(true);
    expect(written).toEqual(['one\n']);
  });
});

describe('streamTarget', () => {
  const command: StreamCommand = {
    kind: 'stream',
    path: '/real-time/crowd-sentiment',
    ticker: undefined,
    url: undefined,
    format: undefined,
    count: undefined,
  };

  it.each([
    [undefined, {}, { ok: true, value: { kind: 'embedded' } }],
    [undefined, { MARKETPROPHIT_API_KEY: '' }, { ok: true, value: { kind: 'embedded' } }],
    [
      undefined,
      { MARKETPROPHIT_API_KEY: 'sk_live_x' },
      { ok: true, value: { kind: 'remote', url: 'https://open.marketprophit.com', apiKey: 'sk_live_x' } },
    ],
    [
      'http://127.0.0.1:4000',
      { MARKETPROPHIT_API_KEY: 'sk_test_x' },
      { ok: true, value: { kind: 'remote', url: 'http://127.0.0.1:4000', apiKey: 'sk_test_x' } },
    ],
  ])('--url %s with %j → %j', (url, env, target) => {
    expect(streamTarget({ ...command, url }, env)).toEqual(target);
  });

  it('refuses --url without MARKETPROPHIT_API_KEY', () => {
    const target = streamTarget({ ...command, url: 'http://127.0.0.1:4000' }, {});
    expect(target.ok ? '' : target.error).toContain('--url needs an API key: set MARKETPROPHIT_API_KEY');
  });
});
