import type * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either';
import {
  formatValidationErrors,
  realTimeEndpoints,
  realTimeSpecs,
  recordCodec,
  recordListCodec,
} from '../../lib/endpoints';

const report = (result: t.Validation<unknown>): string[] =>
  isLeft(result) ? formatValidationErrors(result.left) : [];

describe('recordCodec', () => {
  const TweetVolume = recordCodec(realTimeSpecs['/real-time/tweet-volume'].fields, 'TweetVolume');

  it('decodes a wire record to typed values', () => {
    expect(TweetVolume.decode({ ts: '2014-08-12T20:40:00.000Z', ticker: 'AAPL', volume: '2' })).toEqual({
      _tag: 'Right',
      right: { ts: new Date('2014-08-12T20:40:00.000Z'), ticker: 'AAPL', volume: 2 },
    });
  });

  it('strips fields outside the spec', () => {
    const result = TweetVolume.decode({ ts: 0, ticker: 'AAPL', volume: 1, extra: 'x' });
    expect(result).toEqual({ _tag: 'Right', right: { ts: new Date(0), ticker: 'AAPL', volume: 1 } });
  });

  it.each<[string, unknown, string[]]>([
    [
      'a bad value',
      { ts: '2014-08-12T20:40:00.000Z', ticker: 'AAPL', volume: 'abc' },
      ['Invalid value "abc" supplied to volume: IntegerFromString'],
    ],
    [
      'a missing field',
      { ts: 0, ticker: 'AAPL' },
      ['Invalid value undefined supplied to volume: IntegerFromString'],
    ],
    [
      'every failing field',
      { ts: 'yesterday', ticker: 1, volume: 1.5 },
      [
        'Invalid value "yesterday" supplied to ts: DateFromIso',
        'Invalid value 1 supplied to ticker: Text',
        'Invalid value 1.5 supplied to volume: IntegerFromString',
      ],
    ],
    ['a non-object', 'AAPL', ['Invalid value "AAPL" supplied to (root): TweetVolume']],
    ['null', null, ['Invalid value null supplied to (root): TweetVolume']],
    ['an array', [], ['Invalid value [] supplied to (root): TweetVolume']],
  ])('rejects %s with a readable report', (_what, input, lines) => {
    expect(report(TweetVolume.decode(input))).toEqual(lines);
  });

  it.each<[string, Record<string, unknown>]>([
    ['main name', { crowd_sentiment: '0.5' }],
    ['REST alias', { average_sentiment: '0.5' }],
    ['both (main wins)', { crowd_sentiment: '0.5', average_sentiment: '9' }],
    ['main undefined, alias set', { crowd_sentiment: undefined, average_sentiment: 0.5 }],
  ])('reads an aliased field by its %s and exposes the main name only', (_what, metric) => {
    const { results } = realTimeEndpoints['/real-time/crowd-sentiment'];
    const decoded = results.decode([{ ts: 0, ticker: 'AAPL', ...metric }]);
    expect(decoded).toEqual({
      _tag: 'Right',
      right: [{ ts: new Date(0), ticker: 'AAPL', crowd_sentiment: 0.5 }],
    });
  });

  it.each<[string, string, string]>([
    ['/real-time/market-prophit-sentiment', 'signal_value', 'mp_sentiment'],
    [
      '/real-time/crowd-sentiment-chart-data',
      'crowd_sentiment_z_score_moving_avg',
      'crowd_sentiment_z_score_moving_average',
    ],
    [
      '/real-time/market-prophit-sentiment-chart-data',
      'mp_sentiment_z_score_moving_avg',
      'mp_sentiment_z_score_moving_average',
    ],
  ])('%s accepts %s for %s', (path, alias, main) => {
    const spec = realTimeSpecs[path as keyof typeof realTimeSpecs];
    const record: Record<string, unknown> = Object.fromEntries(
      Object.entries(spec.fields).map(([name, field]) => [
        name === main ? alias : name,
        field.kind === 'text' ? 'AAPL' : field.kind === 'timestamp' ? '2014-08-12T20:40:00.000Z' : '1',
      ]),
    );
    const codec = recordCodec(spec.fields);
    const result = codec.decode(record);
    expect(isLeft(result) ? formatValidationErrors(result.left) : Object.keys(result.right)).toEqual(
      Object.keys(spec.fields),
    );
    expect(isLeft(result) ? undefined : (result.right as Record<string, unknown>)[main]).toBe(1);
  });

  it('reports a missing aliased field under its main name', () => {
    const { results } = realTimeEndpoints['/real-time/crowd-sentiment'];
    expect(report(results.decode([{ ts: 0, ticker: 'AAPL' }]))).toEqual([
      'Invalid value undefined supplied to 0/crowd_sentiment: DecimalFromString',
    ]);
  });

  it('decodes nulls where upstream sends them', () => {
    const { results } = realTimeEndpoints['/real-time/user-sentiment'];
    const decoded = results.decode([
      { ts: 0, user_id: '1', ticker: 'AAPL', sentiment: '0.1', user_score: null },
    ]);
    expect(decoded).toEqual({
      _tag: 'Right',
      right: [{ ts: new Date(0), user_id: '1', ticker: 'AAPL', sentiment: 0.1, user_score: null }],
    });
  });

  it('reports results errors by index and field', () => {
    const { results } = realTimeEndpoints['/real-time/tweet-volume'];
    const good = { ts: 0, ticker: 'AAPL', volume: '1' };
    expect(report(results.decode([good, { ...good, volume: 'abc' }]))).toEqual([
      'Invalid value "abc" supplied to 1/volume: IntegerFromString',
    ]);
    expect(report(results.decode({}))).toEqual([
      'Invalid value {} supplied to (root): ResultsOf</real-time/tweet-volume>',
    ]);
  });

  it('encodes back to the wire form with main names', () => {
    const record = { ts: new Date(0), ticker: 'AAPL', crowd_sentiment: 0.5 };
    const codec = recordCodec(realTimeSpecs['/real-time/crowd-sentiment'].fields);
    expect(codec.encode(record)).toEqual({
      ts: '1970-01-01T00:00:00.000Z',
      ticker: 'AAPL',
      crowd_sentiment: '0.5',
    });
    expect(codec.is(record)).toBe(true);
    expect(codec.is({ ...record, crowd_sentiment: '0.5' })).toBe(false);
    expect(codec.is(null)).toBe(false);
  });

  describe('recordListCodec', () => {
    const Volumes = recordListCodec(realTimeSpecs['/real-time/tweet-volume'].fields, 'Volumes');
    const good = { ts: '2014-08-12T20:38:00.000Z', ticker: 'AAPL', volume: '12', extra: 1 };

    it('decodes every record, stripping unknown fields, like t.array(recordCodec(...))', () => {
      expect(Volumes.decode([good, { ...good, volume: 3 }])).toEqual({
        _tag: 'Right',
        right: [
          { ts: new Date(Date.UTC(2014, 7, 12, 20, 38)), ticker: 'AAPL', volume: 12 },
          { ts: new Date(Date.UTC(2014, 7, 12, 20, 38)), ticker: 'AAPL', volume: 3 },
        ],
      });
      expect(Volumes.decode([])).toEqual({ _tag: 'Right', right: [] });
    });

    it('reports every failing record and field when one fails', () => {
      expect(report(Volumes.decode([{ ...good, ts: 'x' }, good, { ticker: 1 }]))).toEqual([
        'Invalid value "x" supplied to 0/ts: DateFromIso',
        'Invalid value undefined supplied to 2/ts: DateFromIso',
        'Invalid value 1 supplied to 2/ticker: Text',
        'Invalid value undefined supplied to 2/volume: IntegerFromString',
      ]);
      expect(report(Volumes.decode('nope'))).toEqual(['Invalid value "nope" supplied to (root): Volumes']);
    });

    it('encodes and checks like the record codec', () => {
      const record = { ts: new Date(0), ticker: 'AAPL', volume: 2 };
      expect(Volumes.encode([record])).toEqual([
        { ts: '1970-01-01T00:00:00.000Z', ticker: 'AAPL', volume: '2' },
      ]);
      expect(Volumes.is([record])).toBe(true);
      expect(Volumes.is([{ ...record, volume: '2' }])).toBe(false);
    });
  });

  it('parse gives the decoded record or undefined, without io-ts context', () => {
    const codec = recordCodec(realTimeSpecs['/real-time/tweet-volume'].fields);
    expect(codec.parse({ ts: 0, ticker: 'AAPL', volume: '1' })).toEqual({
      ts: new Date(0),
      ticker: 'AAPL',
      volume: 1,
    });
    expect(codec.parse({ ts: 0, ticker: 'AAPL', volume: 'x' })).toBeUndefined();
    expect(codec.parse([])).toBeUndefined();
  });
});
