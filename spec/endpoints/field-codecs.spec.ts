import fc from 'fast-check';
import { type Either, isLeft, isRight } from 'fp-ts/lib/Either';
import { fieldCodecs, fieldParsers, formatValidationErrors, type FieldKind } from '../../lib/endpoints';
import type * as dateModule from '../../lib/codecs/date-from-iso';

type DateModule = typeof dateModule;
const parseDate = fieldParsers.timestamp;

const decode = (kind: FieldKind, input: unknown) => fieldCodecs[kind].decode(input);

describe('field codecs', () => {
  it.each<[FieldKind, unknown, unknown]>([
    ['decimal', '0.3671460543121055', 0.3671460543121055],
    ['decimal', '-1.4353067630458214', -1.4353067630458214],
    ['decimal', '1056', 1056],
    ['decimal', '+.5', 0.5],
    ['decimal', '1e-3', 0.001],
    ['decimal', 0.25, 0.25],
    ['decimal', -3, -3],
    ['nullable-decimal', null, null],
    ['nullable-decimal', '-0.0302670281535698', -0.0302670281535698],
    ['nullable-decimal', 2, 2],
    ['integer', '1056', 1056],
    ['integer', '-7', -7],
    ['integer', 42, 42],
    ['text', 'AAPL', 'AAPL'],
    ['text', '', ''],
    ['text', 'ZW_F, CT_F', 'ZW_F, CT_F'],
  ])('%s accepts %j', (kind, input, expected) => {
    expect(decode(kind, input)).toEqual({ _tag: 'Right', right: expected });
  });

  it.each<[string, number]>([
    ['2014-08-12T20:38:00.000Z', Date.UTC(2014, 7, 12, 20, 38)],
    ['2014-08-12T20:38:00Z', Date.UTC(2014, 7, 12, 20, 38)],
    ['2014-08-12T22:38:00+02:00', Date.UTC(2014, 7, 12, 20, 38)],
    ['2014-08-12', Date.UTC(2014, 7, 12)],
  ])('timestamp accepts %s', (input, ms) => {
    const result = fieldCodecs.timestamp.decode(input);
    expect(isRight(result) && result.right.getTime()).toBe(ms);
  });

  // toISOString() giving back the input proves the exact instant; 0099 is outside Date.UTC's range.
  it.each(['2016-02-29T00:00:00.000Z', '2000-02-29T23:59:59.999Z', '0099-12-31T00:00:00.000Z'])(
    'timestamp accepts the edge %s',
    (input) => {
      const result = fieldCodecs.timestamp.decode(input);
      expect(isRight(result) && result.right.toISOString()).toBe(input);
    },
  );

  it('timestamp reads 20,000 random instants of years 100-9999 in the toISOString() form exactly as Date does', () => {
    const FIRST = Date.UTC(100, 0, 1);
    const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i += 1) {
      const ms = Math.floor(FIRST + next() * (LAST - FIRST));
      const result = fieldParsers.timestamp(new Date(ms).toISOString());
      if (result?.getTime() !== ms) throw new Error(`${new Date(ms).toISOString()} read as ${result}`);
    }
  });

  it('timestamp reads them alike in browsers, where `Date` reads the canonical form (#canonical-iso)', () => {
    let browserParse: typeof parseDate | undefined;
    jest.isolateModules(() => {
      jest.doMock('#canonical-iso', () => jest.requireActual('../../lib/codecs/canonical-iso.browser'));
      browserParse = jest.requireActual<DateModule>('../../lib/codecs/date-from-iso').parseDate;
    });
    const FIRST = Date.UTC(100, 0, 1);
    const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 5_000; i += 1) {
      const text = new Date(Math.floor(FIRST + next() * (LAST - FIRST))).toISOString();
      if (browserParse!(text)?.getTime() !== parseDate(text)?.getTime())
        throw new Error(`${text} read apart`);
    }
    for (const text of [
      '2014-02-30T00:00:00.000Z',
      '2014-13-01T00:00:00.000Z',
      '2014-08-12T24:00:00.000Z',
      '0099-12-31T00:00:00.000Z',
    ])
      expect(browserParse!(text)?.getTime()).toBe(parseDate(text)?.getTime());
  });

  it("timestamp: Node's reader keeps no wrong day across a stream (its last-day cache), as `Date` reads it", () => {
    let browserParse: typeof parseDate | undefined;
    jest.isolateModules(() => {
      jest.doMock('#canonical-iso', () => jest.requireActual('../../lib/codecs/canonical-iso.browser'));
      browserParse = jest.requireActual<DateModule>('../../lib/codecs/date-from-iso').parseDate;
    });
    // Days that repeat (the cache hits), days that do not exist (only a checked day may be kept), and
    // time parts that are out of range or not digits on a day already cached.
    const day = fc.constantFrom(
      '2026-01-02',
      '2026-01-03',
      '2024-02-29',
      '2023-02-29',
      '2014-13-01',
      '0099-12-31',
      '0000-00-00',
    );
    const twoDigits = fc.constantFrom('00', '09', '23', '24', '59', '60', '99', '1x', '-1');
    const ms = fc.constantFrom('000', '999', '05x', '5');
    const text = fc
      .tuple(day, twoDigits, twoDigits, twoDigits, ms)
      .map(([d, h, m, s, f]) => `${d}T${h}:${m}:${s}.${f}Z`);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 20 }), (texts) => {
        // A reader of its own per stream, so that what is cached comes from this stream alone.
        let nodeParse: typeof parseDate | undefined;
        jest.isolateModules(() => {
          jest.doMock('#canonical-iso', () => jest.requireActual('../../lib/codecs/canonical-iso.node'));
          nodeParse = jest.requireActual<DateModule>('../../lib/codecs/date-from-iso').parseDate;
        });
        for (const t of texts) expect(nodeParse!(t)?.getTime()).toBe(browserParse!(t)?.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it.each<FieldKind>(['decimal', 'nullable-decimal', 'integer', 'text', 'timestamp'])(
    '%s: the fast parser and the codec agree on every sample',
    (kind) => {
      const samples = ['1', '-0.5', '', 'abc', null, undefined, 1.5, NaN, '2014-08-12T20:38:00.000Z', 0, {}];
      for (const input of samples) {
        const viaCodec: Either<unknown, unknown> = decode(kind, input);
        const parse: (u: unknown) => unknown = fieldParsers[kind];
        expect(parse(input)).toEqual(isRight(viaCodec) ? viaCodec.right : undefined);
      }
    },
  );

  it('timestamp accepts epoch milliseconds', () => {
    const ms = Date.UTC(2014, 7, 12, 20, 38);
    const result = fieldCodecs.timestamp.decode(ms);
    expect(isRight(result) && result.right.getTime()).toBe(ms);
  });

  it.each<[FieldKind, unknown]>([
    ['decimal', ''],
    ['decimal', ' '],
    ['decimal', 'abc'],
    ['decimal', '1.2.3'],
    ['decimal', '0x10'],
    ['decimal', '1e'],
    ['decimal', 'NaN'],
    ['decimal', 'Infinity'],
    ['decimal', '1e400'],
    ['decimal', NaN],
    ['decimal', Infinity],
    ['decimal', -Infinity],
    ['decimal', null],
    ['decimal', undefined],
    ['decimal', true],
    ['decimal', {}],
    ['nullable-decimal', undefined],
    ['nullable-decimal', ''],
    ['nullable-decimal', 'abc'],
    ['nullable-decimal', NaN],
    ['integer', '1.5'],
    ['integer', 1.5],
    ['integer', ''],
    ['integer', 'abc'],
    ['integer', '9007199254740993'],
    ['integer', NaN],
    ['integer', null],
    ['text', 1],
    ['text', null],
    ['text', undefined],
    ['timestamp', ''],
    ['timestamp', 'abc'],
    ['timestamp', '2014-13-01T00:00:00.000Z'],
    ['timestamp', '2014-02-30T00:00:00.000Z'],
    ['timestamp', '2014-04-31'],
    ['timestamp', '2014-08-12T25:00:00.000Z'],
    ['timestamp', 'August 12, 2014'],
    ['timestamp', '2014-02-29T00:00:00.000Z'],
    ['timestamp', '1900-02-29T00:00:00.000Z'],
    ['timestamp', '2014-00-12T20:38:00.000Z'],
    ['timestamp', '2014-08-00T20:38:00.000Z'],
    ['timestamp', '2014-08-12T20:60:00.000Z'],
    ['timestamp', '2014-08-12T20:38:60.000Z'],
    ['timestamp', '2014-08-12T20:38:00.00aZ'],
    ['timestamp', '2014-08-12T20:38:00.000z'],
    ['timestamp', '2014-08-12 20:38:00.000Z'],
    ['timestamp', '20l4-08-12T20:38:00.000Z'],
    ['timestamp', '1'],
    ['timestamp', NaN],
    ['timestamp', Infinity],
    ['timestamp', 8.64e15 + 1],
    ['timestamp', null],
    ['timestamp', undefined],
  ])('%s rejects %p', (kind, input) => {
    const result = decode(kind, input);
    expect(isLeft(result)).toBe(true);
  });

  it.each<[FieldKind, unknown, string]>([
    ['decimal', 'abc', 'Invalid value "abc" supplied to (root): DecimalFromString'],
    ['integer', '1.5', 'Invalid value "1.5" supplied to (root): IntegerFromString'],
    ['nullable-decimal', '', 'Invalid value "" supplied to (root): NullableDecimalFromString'],
    ['timestamp', 'nope', 'Invalid value "nope" supplied to (root): DateFromIso'],
    ['text', 7, 'Invalid value 7 supplied to (root): Text'],
  ])('%s reports %p readably', (kind, input, line) => {
    const result = decode(kind, input);
    expect(isLeft(result) && formatValidationErrors(result.left)).toEqual([line]);
  });

  it.each<[FieldKind, unknown, unknown]>([
    ['decimal', 0.5, '0.5'],
    ['nullable-decimal', null, null],
    ['nullable-decimal', -2, '-2'],
    ['integer', 1056, '1056'],
    ['text', 'AAPL', 'AAPL'],
    ['timestamp', new Date(Date.UTC(2014, 7, 12)), '2014-08-12T00:00:00.000Z'],
  ])('%s encodes %p to the wire form', (kind, value, wire) => {
    const codec = fieldCodecs[kind] as { encode: (v: unknown) => unknown };
    expect(codec.encode(value)).toEqual(wire);
  });

  it.each<[FieldKind, unknown, boolean]>([
    ['decimal', 1, true],
    ['decimal', NaN, false],
    ['decimal', '1', false],
    ['nullable-decimal', null, true],
    ['integer', 2, true],
    ['integer', 2.5, false],
    ['timestamp', new Date(0), true],
    ['timestamp', new Date(NaN), false],
  ])('%s.is(%p) is %p', (kind, value, expected) => {
    expect(fieldCodecs[kind].is(value)).toBe(expected);
  });
});

describe('timestamps read once per distinct string', () => {
  it('gives a new Date of the right instant for a repeated string, and for each string in turn', () => {
    const strings = ['2026-01-02T15:30:00.000Z', '2026-01-02T15:31:00.000Z', '2024-02-29T23:59:59.999Z'];
    const seen: Date[] = [];
    for (const s of [...strings, ...strings, strings[0], strings[0]] as string[]) {
      const date = fieldParsers.timestamp(s);
      expect(date?.getTime()).toBe(Date.parse(s));
      expect(seen).not.toContain(date);
      seen.push(date as Date);
    }
    // A repeated invalid day is refused each time, not taken from the last string read.
    fieldParsers.timestamp('2026-02-28T00:00:00.000Z');
    expect(fieldParsers.timestamp('2026-02-29T00:00:00.000Z')).toBeUndefined();
    expect(fieldParsers.timestamp('2026-02-29T00:00:00.000Z')).toBeUndefined();
  });

  it('reads a repeated string once in browsers too, where `Date` reads every form', () => {
    let browserParse: typeof parseDate | undefined;
    jest.isolateModules(() => {
      jest.doMock('#canonical-iso', () => jest.requireActual('../../lib/codecs/canonical-iso.browser'));
      browserParse = jest.requireActual<DateModule>('../../lib/codecs/date-from-iso').parseDate;
    });
    const parse = jest.spyOn(Date, 'parse');
    try {
      const texts = ['2026-01-02T15:30:00.000Z', '2026-01-02T15:30:00.000Z', '2026-01-02T17:30+02:00'];
      const dates = [...texts, texts[2]!].map((text) => browserParse!(text));
      expect(dates.map((date) => date?.getTime())).toEqual([
        Date.UTC(2026, 0, 2, 15, 30),
        Date.UTC(2026, 0, 2, 15, 30),
        Date.UTC(2026, 0, 2, 15, 30),
        Date.UTC(2026, 0, 2, 15, 30),
      ]);
      expect(new Set(dates).size).toBe(4); // a Date of its own each time
      expect(parse).toHaveBeenCalledTimes(2); // once per run of one string
    } finally {
      parse.mockRestore();
    }
  });
});
