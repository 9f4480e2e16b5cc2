import fc from 'fast-check';
import * as t from 'io-ts';
import { customEndpoint, withGuardedResults } from '../../lib/endpoints/custom-endpoint';
import { isLeft } from '../../lib/codecs/is-left';
import { realTimeEndpoints, TickerOptionalParams } from '../../lib/endpoints/real-time-endpoints';
import { MAX_REPORTED_RECORDS } from '../../lib/endpoints/record-codec';
import { formatValidationErrors } from '../../lib/codecs/report';
import { DataEnvelope } from '../../lib/subscription/data-event';
import { canonicalJson, subscriptionKey } from '../../lib/subscription/canonical-key';
import { describeReason } from '../../lib/util/describe-reason';
import { copyJsonData, isDeeperThan, jsonDataProblem } from '../../lib/util/json-data';
import { MAX_DEPTH, MAX_PARAMS_VALUES } from '../../lib/util/limits';
import { previewJson } from '../../lib/util/json-text';
import { nestedArray, nestedObject } from './inputs';

const RUNS = { numRuns: 200 };

/** A codec that recurses with the data: numbers nested in arrays. */
type Tree = number | Tree[];

/** The recursive canonical JSON the client used to have: the reference on shallow input. */
const reference = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${reference(record[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

/** The same value with every object's keys in reverse order. */
const reversed = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reversed);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, entry]) => [key, reversed(entry)]),
    );
  }
  return value;
};

const DEEP = 30_000;
const deepInputs: [string, unknown][] = [
  ['objects 30,000 deep', nestedObject(DEEP)],
  ['arrays 30,000 deep', nestedArray(DEEP)],
  [
    'a record whose field is 30,000 deep',
    [{ ts: '2026-01-01T00:00:00.000Z', ticker: 'A', volume: nestedObject(DEEP) }],
  ],
];

describe('canonical key', () => {
  it('is the reference canonical JSON for any JSON value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
        expect(canonicalJson(reversed(value))).toBe(reference(value));
      }),
      RUNS,
    );
  });

  it('matches the reference for anything, undefined, functions and Dates included', () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withMap: true, withNullPrototype: true }), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      RUNS,
    );
  });

  it.each(deepInputs)('walks %s without overflowing the stack', (_, value) => {
    expect(() => subscriptionKey('/p', value)).not.toThrow();
    expect(canonicalJson(nestedObject(DEEP))).toBe(`${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`);
  });
});

describe('error previews and reasons', () => {
  it('are what JSON.stringify writes, cut at 80 characters, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify(value);
        expect(previewJson(value)).toBe(json.length > 80 ? `${json.slice(0, 77)}...` : json);
      }),
      RUNS,
    );
  });

  it('never throw and stay bounded for anything, cycles and throwing getters included', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle['self'] = cycle;
    const trap = Object.defineProperty({}, 'x', {
      enumerable: true,
      get: () => {
        throw new Error('no');
      },
    });
    const odd = [cycle, trap, 10n, Symbol('s'), new Map([[1, 2]]), ...deepInputs.map(([, value]) => value)];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true }),
          fc.constantFrom(...odd),
        ),
        (value) => {
          expect(previewJson(value).length).toBeLessThanOrEqual(80);
          expect(describeReason(value).length).toBeLessThanOrEqual(500);
          expect(describeReason(value)).not.toContain('[object Object]');
        },
      ),
      RUNS,
    );
    expect(previewJson(cycle)).toBe('{"a":1,"self":"[Circular]"}');
  });

  it.each([
    [{ message: 'Quota exceeded' }, 'Quota exceeded'],
    [new Error('Quota exceeded'), 'Quota exceeded'],
    ['Quota exceeded', 'Quota exceeded'],
    [{ code: 429, retry: true }, '{"code":429,"retry":true}'],
    [{ message: '' }, '{"message":""}'],
    [null, 'null'],
    [undefined, 'undefined'],
  ])('describe the reason %p as %p', (reason, text) => {
    expect(describeReason(reason)).toBe(text);
  });
});

describe('record decoders', () => {
  const codec = realTimeEndpoints['/real-time/crowd-sentiment-chart-data'].results;
  const custom = withGuardedResults(
    customEndpoint(
      '/real-time/tree',
      t.recursion<Tree>('Tree', (self) => t.union([t.number, t.array(self)])),
    ),
  ).results;

  it('never throw for any JSON, and their reports stay short', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const decoder of [codec, custom] as t.Decoder<unknown, unknown>[]) {
          const result = decoder.decode(value);
          if (isLeft(result))
            for (const line of formatValidationErrors(result.left)) expect(line.length).toBeLessThan(300);
        }
      }),
      RUNS,
    );
  });

  it('decode what they encode (the reference: the record as generated)', () => {
    // -0 travels as "0": the reference holds +0.
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
    const record = fc.record({
      ts: fc.date({
        min: new Date(Date.UTC(1970, 0, 1)),
        max: new Date(Date.UTC(2100, 0, 1)),
        noInvalidDate: true,
      }),
      ticker: fc.string(),
      crowd_sentiment: finite,
      crowd_sentiment_moving_average: fc.option(finite),
      crowd_sentiment_z_score: finite,
      crowd_sentiment_z_score_moving_average: fc.option(finite),
      volume: fc.maxSafeInteger(),
      buzz: finite,
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), (records) => {
        const decoded = codec.decode(JSON.parse(JSON.stringify(codec.encode(records))));
        expect(isLeft(decoded) ? formatValidationErrors(decoded.left) : decoded.right).toEqual(records);
      }),
      { numRuns: 100 },
    );
  });

  it.each(deepInputs)('fail %s with a short report instead of a stack overflow', (_, value) => {
    for (const decoder of [codec, custom] as t.Decoder<unknown, unknown>[]) {
      const result = decoder.decode(value);
      expect(isLeft(result)).toBe(true);
      const lines = isLeft(result) ? formatValidationErrors(result.left) : [];
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line.length).toBeLessThan(300);
    }
  });

  it(`a megabyte of bad records reports the first ${MAX_REPORTED_RECORDS} of them and counts the rest`, () => {
    const bad = { ts: 'x', ticker: 'A', crowd_sentiment: 'y' };
    const good = { ...bad, ts: '2026-01-01T00:00:00.000Z', crowd_sentiment: '0.5' };
    const records = [good, ...Array.from({ length: 25_000 }, (_, i) => (i % 2 === 0 ? bad : good))];
    const result = realTimeEndpoints['/real-time/crowd-sentiment'].results.decode(records);
    const lines = isLeft(result) ? formatValidationErrors(result.left) : [];
    expect(lines).toHaveLength(2 * MAX_REPORTED_RECORDS + 1);
    expect(lines.slice(0, 3)).toEqual([
      'Invalid value "x" supplied to 1/ts: DateFromIso',
      'Invalid value "y" supplied to 1/crowd_sentiment: DecimalFromString',
      'Invalid value "x" supplied to 3/ts: DateFromIso',
    ]);
    expect(lines.at(-1)).toBe(
      `... and ${12_500 - MAX_REPORTED_RECORDS} more of the 25001 records failed (the first ${MAX_REPORTED_RECORDS} are reported)`,
    );
  });

  it(`a custom endpoint's codec is not reached by results deeper than ${MAX_DEPTH} levels, and its throws are failures`, () => {
    const result = custom.decode(nestedArray(MAX_DEPTH + 1));
    expect(isLeft(result) && formatValidationErrors(result.left)).toEqual([
      `results are nested deeper than ${MAX_DEPTH} levels: not decoded`,
    ]);
    expect(custom.decode(nestedArray(MAX_DEPTH - 1))).toEqual({
      _tag: 'Right',
      right: nestedArray(MAX_DEPTH - 1),
    });
    const throwing = withGuardedResults(
      customEndpoint('/x', {
        name: 'Boom',
        validate: () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
        decode: () => {
          throw new Error();
        },
      }),
    ).results;
    const thrown = throwing.decode([]);
    expect(isLeft(thrown) && formatValidationErrors(thrown.left)).toEqual([
      'the results codec Boom threw RangeError: Maximum call stack size exceeded',
    ]);
  });

  it('isDeeperThan agrees with a recursive depth on any JSON', () => {
    const depth = (u: unknown): number =>
      typeof u === 'object' && u !== null ? 1 + Math.max(0, ...Object.values(u).map(depth)) : 0;
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, max) => {
        expect(isDeeperThan(value, max)).toBe(depth(value) > max);
      }),
      RUNS,
    );
  });
});

describe('params snapshots and the data envelope', () => {
  const jsonObject = fc.dictionary(fc.string(), fc.jsonValue());

  it('copy any JSON object deeply, frozen, equal to the original', () => {
    fc.assert(
      fc.property(jsonObject, (params) => {
        const copy = copyJsonData(params);
        expect(copy).toEqual({ ok: true, value: params });
        if (!copy.ok) return;
        const frozen = (u: unknown): boolean =>
          typeof u !== 'object' || u === null || (Object.isFrozen(u) && Object.values(u).every(frozen));
        expect(frozen(copy.value)).toBe(true);
        expect(canonicalJson(copy.value)).toBe(canonicalJson(params));
        expect(jsonDataProblem(params)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('refuse a non-JSON value anywhere, naming where and what it is', () => {
    class Quote {
      readonly ticker = 'AAPL';
    }
    const bad = fc.constantFrom<[unknown, string]>(
      [new Date(0), 'a Date'],
      [new Map(), 'a Map'],
      [new Set(), 'a Set'],
      [new Quote(), 'a Quote'],
      [() => 1, 'a function'],
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [10n, 'a bigint'],
      [Symbol('s'), 'a symbol'],
    );
    fc.assert(
      fc.property(jsonObject, fc.string(), bad, fc.boolean(), (params, key, [value, kind], inArray) => {
        const where = inArray ? [value] : value;
        const problem = jsonDataProblem({ ...params, [key]: { inner: where } });
        expect(problem).toBe(
          `params/${key.length > 40 ? `${key.slice(0, 37)}...` : key}/inner${inArray ? '/0' : ''} must be a string, a finite number, a boolean, null, an array or a plain object, got ${kind}`,
        );
      }),
      RUNS,
    );
  });

  it.each([
    ['a Date', new Date(0), 'params must be a plain object ({ key: value }), got a Date'],
    ['a Map', new Map([['ticker', 'AAPL']]), 'params must be a plain object ({ key: value }), got a Map'],
    ['an array', ['AAPL'], 'params must be an object, got an array'],
    [
      '30,000 levels',
      nestedObject(DEEP),
      `params${'/a'.repeat(MAX_DEPTH)} is nested deeper than ${MAX_DEPTH} levels`,
    ],
    [
      'too many values',
      { list: Array.from({ length: MAX_PARAMS_VALUES }, () => 1) },
      `params hold more than ${MAX_PARAMS_VALUES} values`,
    ],
  ])('refuse %s', (_, params, problem) => {
    expect(copyJsonData(params)).toEqual({ ok: false, problem });
  });

  it('the plain-object check of params codecs refuses Date, Map, class instances and arrays', () => {
    class Params {
      readonly ticker = 'AAPL';
    }
    const cases: [unknown, string][] = [
      [new Date(0), 'params must be a plain object ({ key: value }), got a Date'],
      [new Map([['ticker', 'AAPL']]), 'params must be a plain object ({ key: value }), got a Map'],
      [new Params(), 'params must be a plain object ({ key: value }), got a Params'],
      [['AAPL'], 'params must be an object, got an array'],
    ];
    for (const [params, problem] of cases) {
      const result = TickerOptionalParams.decode(params);
      expect(isLeft(result) && formatValidationErrors(result.left)).toEqual([problem]);
    }
    expect(TickerOptionalParams.decode(Object.assign(Object.create(null), { ticker: 'AAPL' }))).toMatchObject(
      {
        _tag: 'Right',
      },
    );
  });

  it('refuse a cycle and a shared structure that would blow up, and keep "__proto__" a key', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(copyJsonData({ cycle })).toEqual({ ok: false, problem: 'params/cycle/self refers to itself' });
    let doubling: unknown = 1;
    for (let i = 0; i < 40; i += 1) doubling = [doubling, doubling];
    expect(copyJsonData({ doubling })).toMatchObject({
      ok: false,
      problem: `params hold more than ${MAX_PARAMS_VALUES} values`,
    });
    const parsed: unknown = JSON.parse('{"__proto__":{"polluted":true}}');
    const copy = copyJsonData(parsed);
    expect(copy.ok && Object.keys(copy.value)).toEqual(['__proto__']);
    expect(copy.ok && Object.getPrototypeOf(copy.value)).toBe(Object.prototype);
  });

  it('an envelope with params deeper than the limit, or a timestamp longer than a field, is unroutable', () => {
    const envelope = { path: '/p', params: {}, results: [], timestamp: '2026-01-01T00:00:00.000Z' };
    expect(DataEnvelope.is(envelope)).toBe(true);
    for (const bad of [
      { ...envelope, params: nestedObject(DEEP) },
      { ...envelope, timestamp: '1'.repeat(1_000_000) },
    ]) {
      expect(DataEnvelope.is(bad)).toBe(false);
      const report = DataEnvelope.decode(bad);
      const lines = isLeft(report) ? formatValidationErrors(report.left) : [];
      expect(lines).toHaveLength(1);
      expect(lines[0]?.length).toBeLessThan(300);
    }
  });
});
