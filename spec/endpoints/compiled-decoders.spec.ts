import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type * as t from 'io-ts';
import { isLeft } from '../../lib/codecs/is-left';
import {
  isDecimalLiteral,
  isIntegerLiteral,
  parseDecimal,
  parseInteger,
  scanDecimal,
  scanInteger,
} from '../../lib/codecs/number-from-string';
import { compiledDecoder as browserDecoder } from '../../lib/endpoints/compiled-decoders.browser';
import { compiledDecoders } from '../../lib/endpoints/compiled-decoders.generated';
import { compiledDecoder } from '../../lib/endpoints/compiled-decoders.node';
import { fieldCodecs } from '../../lib/endpoints/field-codecs';
import type { FieldSpec } from '../../lib/endpoints/field-kind';
import { realTimeSpecs } from '../../lib/endpoints/real-time-specs';
import type * as recordCodecModule from '../../lib/endpoints/record-codec';
import { recordCodec, type RecordCodec } from '../../lib/endpoints/record-codec';
import { shapeKey } from '../../lib/endpoints/record-shape';
import { formatValidationErrors } from '../../lib/codecs/report';
import { MAX_FIELD_LENGTH } from '../../lib/util/limits';

type Fields = Readonly<Record<string, FieldSpec>>;
type RecordCodecModule = typeof recordCodecModule;
type Decoder = (u: unknown) => Record<string, unknown> | undefined;

const shapes = new Map<string, Fields>(
  Object.values(realTimeSpecs).map((spec) => [shapeKey(spec.fields), spec.fields]),
);

/**
 * What a record of `fields` decodes to by the io-ts field codecs alone, field by field (each read from
 * the first of its names that the record has as its own, not `undefined`): the reference, written
 * without recordCodec's parse or the compiled decoders.
 */
const reference = (fields: Fields, u: unknown): Record<string, unknown> | undefined => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return undefined;
  const record = u as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(fields)) {
    const name = [key, ...(spec.aliases ?? [])].find(
      (name) => record[name] !== undefined && Object.hasOwn(record, name),
    );
    const result = (fieldCodecs[spec.kind] as t.Decoder<unknown, unknown>).decode(
      name === undefined ? undefined : record[name],
    );
    if (isLeft(result)) return undefined;
    out[key] = result.right;
  }
  return out;
};

const longDigits = `0.${'1'.repeat(MAX_FIELD_LENGTH)}`;

/** Values a field may carry: good ones of every kind, near misses, and hostile ones. */
const fieldValue = fc.oneof(
  fc.constantFrom(
    '2014-08-12T20:38:00.000Z',
    '2014-08-12T20:38:00Z',
    '2014-02-30T00:00:00.000Z',
    '2014-08-12',
    'yesterday',
    '0.3671460543121055',
    '-0.36714605431210553',
    '1e-7',
    '1056',
    '-0',
    '0x1f',
    '',
    ' 1',
    'Infinity',
    '1e400',
    longDigits,
    'x'.repeat(100_000),
    'AAPL',
  ),
  fc.double(),
  fc.integer(),
  fc.constantFrom(null, undefined, true, 0, -0, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity),
  fc.double().map(String),
  fc.constant({}),
  fc.constant([]),
);

/** Records over a shape's names (main names, aliases) and a few others, `__proto__` among them. */
const recordOf = (fields: Fields) => {
  const names = [
    ...Object.entries(fields).flatMap(([key, spec]) => [key, ...(spec.aliases ?? [])]),
    '__proto__',
    'constructor',
    'extra',
  ];
  return fc.oneof(
    fc.dictionary(fc.constantFrom(...names), fieldValue, { maxKeys: names.length }),
    // A record where every field is right but one, for the decoders' later checks.
    fc
      .tuple(fc.constantFrom(...names), fieldValue)
      .map(([name, value]) => ({ ...goodRecord(fields), [name]: value })),
  );
};

const good: Record<FieldSpec['kind'], unknown> = {
  timestamp: '2014-08-12T20:38:00.000Z',
  text: 'AAPL',
  decimal: '0.25',
  'nullable-decimal': null,
  integer: '7',
};
const goodRecord = (fields: Fields): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, good[spec.kind]]));

/**
 * The same record as JSON text parsed (own `__proto__` keys), with getters, as the prototype of an
 * empty record, and as the prototype of records right in every field but one (whose value, or an
 * alias's, is then inherited).
 */
const variants = (fields: Fields, record: Record<string, unknown>): unknown[] => {
  const json = JSON.stringify(record);
  const viaJson: unknown = json === undefined ? record : JSON.parse(json);
  const withGetters = Object.defineProperties(
    {},
    Object.fromEntries(
      Object.entries(record).map(([key, value]) => [key, { get: () => value, enumerable: true }]),
    ),
  );
  const allButOne = Object.keys(fields).map((key) => {
    const own: Record<string, unknown> = goodRecord(fields);
    delete own[key];
    return Object.assign(Object.create(record) as object, own);
  });
  return [record, viaJson, withGetters, Object.create(record), ...allButOne];
};

describe('compiled decoders (scripts/generate-decoders.ts)', () => {
  it('are checked in as the generator writes them (npm run generate)', () => {
    // In a process of its own: prettier, which formats the output, loads its plugins by import().
    const root = join(__dirname, '..', '..');
    const generated = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts', 'generate-decoders.ts'), '--stdout'],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(generated).toBe(
      readFileSync(join(root, 'lib', 'endpoints', 'compiled-decoders.generated.ts'), 'utf8'),
    );
  });

  it('serve every record shape of the real-time catalogue in Node, and none in browsers', () => {
    for (const spec of Object.values(realTimeSpecs)) {
      expect(compiledDecoder(spec.fields)).toBe(compiledDecoders.get(shapeKey(spec.fields)));
      expect(compiledDecoder(spec.fields)).toBeDefined();
      expect(browserDecoder(spec.fields)).toBeUndefined();
    }
    expect(compiledDecoders.size).toBe(shapes.size);
    expect(compiledDecoder({ ts: { kind: 'timestamp' } })).toBeUndefined();
  });

  it.each([...shapes.entries()])(
    'agree with the io-ts field codecs on arbitrary and hostile records: %s',
    (key, fields) => {
      const compiled = compiledDecoders.get(key) as Decoder;
      const codec = recordCodec(fields);
      fc.assert(
        fc.property(recordOf(fields), (record) => {
          for (const u of variants(fields, record)) {
            const expected = reference(fields, u);
            expect(compiled(u)).toEqual(expected);
            // The codec (which decodes with the compiled decoder in Node) succeeds with the same
            // record, or fails with the generic path's report.
            const result = codec.decode(u);
            if (expected === undefined)
              expect(isLeft(result) && formatValidationErrors(result.left).length).toBeGreaterThan(0);
            else expect(result).toEqual({ _tag: 'Right', right: expected });
          }
        }),
        { numRuns: 300 },
      );
      for (const u of [null, 'AAPL', [], [goodRecord(fields)], 7, undefined])
        expect(compiled(u)).toBeUndefined();
      expect(compiled(goodRecord(fields))).toEqual(reference(fields, goodRecord(fields)));
    },
  );

  it.each([...shapes.entries()])('the generic parse browsers keep agrees as well: %s', (_key, fields) => {
    let generic: RecordCodec<Fields> | undefined;
    jest.isolateModules(() => {
      jest.doMock('#compiled-decoders', () =>
        jest.requireActual('../../lib/endpoints/compiled-decoders.browser'),
      );
      generic = jest.requireActual<RecordCodecModule>('../../lib/endpoints/record-codec').recordCodec(fields);
    });
    fc.assert(
      fc.property(recordOf(fields), (record) => {
        for (const u of variants(fields, record)) expect(generic!.parse(u)).toEqual(reference(fields, u));
      }),
      { numRuns: 200 },
    );
  });

  it('give each record its own Date, and exactly the spec keys', () => {
    const fields = realTimeSpecs['/real-time/crowd-sentiment'].fields;
    const compiled = compiledDecoder(fields) as Decoder;
    const input = { ts: '2014-08-12T20:38:00.000Z', ticker: 'AAPL', average_sentiment: '0.5', extra: 1 };
    const a = compiled(input);
    const b = compiled(input);
    expect(a).toEqual({ ts: new Date('2014-08-12T20:38:00.000Z'), ticker: 'AAPL', crowd_sentiment: 0.5 });
    expect(Object.keys(a!)).toEqual(['ts', 'ticker', 'crowd_sentiment']);
    expect(a!['ts']).not.toBe(b!['ts']);
  });
});

describe('scanDecimal: parseDecimal without a regex', () => {
  /** Strings made of the characters a number literal is made of, and a few that break one. */
  const numberish = fc.string({
    unit: fc.constantFrom(
      '0',
      '1',
      '9',
      '5',
      '.',
      '-',
      '+',
      'e',
      'E',
      'x',
      'b',
      ' ',
      'I',
      '\u0661',
      '\u00a0',
    ),
    maxLength: 30,
  });
  const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 25 });
  /** Decimal literals with up to 25 digits on either side and exponents near the fast path's edges. */
  const literal = fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      digits,
      fc.option(digits),
      fc.option(
        fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 330 })),
      ),
    )
    .map(([sign, whole, fraction, exponent]) =>
      [sign, whole, fraction === null ? '' : `.${fraction}`, exponent === null ? '' : exponent.join('')].join(
        '',
      ),
    );

  it.each([
    ['number-like strings', numberish],
    ['decimal literals', literal],
    ['every double, as String writes it', fc.double().map(String)],
    ['doubles of up to 17 digits', fc.double({ min: -1, max: 1, noNaN: true }).map(String)],
  ])('gives exactly the regex and Number answer on %s', (_what, strings: fc.Arbitrary<string>) => {
    fc.assert(
      fc.property(strings, (s) => {
        const n = Number(s);
        const expected =
          isDecimalLiteral(s) && s.length <= MAX_FIELD_LENGTH && Number.isFinite(n) ? n : undefined;
        expect(scanDecimal(s)).toBe(expected);
        expect(scanDecimal(s)).toBe(parseDecimal(s));
      }),
      { numRuns: 1_000 },
    );
  });

  it.each<[unknown, number | undefined]>([
    ['0.3671460543121055', 0.3671460543121055],
    ['-0', -0],
    ['+.5', 0.5],
    ['5.', 5],
    ['.', undefined],
    ['-', undefined],
    ['1e', undefined],
    ['1e+', undefined],
    ['1e-400', 0],
    ['1e400', undefined],
    ['9007199254740993', 9007199254740992],
    [`1e${'9'.repeat(60)}`, undefined],
    [longDigits, undefined],
    ['', undefined],
    [0.5, 0.5],
    [Infinity, undefined],
    [null, undefined],
  ])('%j → %p', (input, expected) => {
    expect(scanDecimal(input)).toBe(expected);
  });
});

describe('scanInteger: parseInteger without a regex', () => {
  const integerish = fc.string({
    unit: fc.constantFrom('0', '1', '9', '-', '+', '.', 'e', ' ', '\u0661'),
    maxLength: 20,
  });
  const digitRuns = fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 20 }),
    )
    .map(([sign, digits]) => sign + digits);

  it.each([
    ['integer-like strings', integerish],
    ['signed digit runs of up to 20 digits', digitRuns],
    ['every safe integer, as String writes it', fc.maxSafeInteger().map(String)],
  ])('gives exactly the regex and Number answer on %s', (_what, strings: fc.Arbitrary<string>) => {
    fc.assert(
      fc.property(strings, (s) => {
        const n = Number(s);
        expect(scanInteger(s)).toBe(isIntegerLiteral(s) && Number.isSafeInteger(n) ? n : undefined);
        expect(scanInteger(s)).toBe(parseInteger(s));
      }),
      { numRuns: 1_000 },
    );
  });

  it.each<[unknown, number | undefined]>([
    ['1056', 1056],
    ['-0', -0],
    ['+7', 7],
    ['', undefined],
    ['-', undefined],
    ['1.0', undefined],
    ['999999999999999', 999999999999999],
    ['9007199254740993', undefined],
    [42, 42],
    [1.5, undefined],
    [null, undefined],
  ])('%j → %p', (input, expected) => {
    expect(scanInteger(input)).toBe(expected);
  });
});
