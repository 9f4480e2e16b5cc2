import fc from 'fast-check';
import type * as t from 'io-ts';
import { DateFromIso, parseDate } from '../../lib/codecs/date-from-iso';
import { isLeft } from '../../lib/codecs/is-left';
import {
  DecimalFromString,
  IntegerFromString,
  isDecimalLiteral,
  isIntegerLiteral,
  parseDecimal,
  parseInteger,
} from '../../lib/codecs/number-from-string';
import { formatValidationErrors } from '../../lib/codecs/report';
import { MAX_FIELD_LENGTH } from '../../lib/util/limits';
import { digitsThenLetter } from './inputs';

// The patterns the parsers used to be, as the reference on short strings (where backtracking is cheap):
// the decimal one is ambiguous (`\d+\.?\d*`) and quadratic on long inputs.
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;

const reportOf = (codec: t.Decoder<unknown, unknown>, u: unknown): string[] => {
  const result = codec.decode(u);
  return isLeft(result) ? formatValidationErrors(result.left) : [];
};

/** Strings made of the characters a number literal is made of, and a few that break one. */
const numberish = fc.string({
  unit: fc.constantFrom('0', '1', '9', '5', '.', '-', '+', 'e', 'E', 'x', ' ', 'I', 'n', '\u0661'),
  maxLength: 24,
});

const RUNS = { numRuns: 300 };

describe('number parsers: linear, bounded, the same answers as the old patterns', () => {
  it('agree with the reference pattern on short number-like strings', () => {
    fc.assert(
      fc.property(numberish, (s) => {
        expect(isDecimalLiteral(s)).toBe(DECIMAL.test(s));
        expect(isIntegerLiteral(s)).toBe(INTEGER.test(s));
        const n = Number(s);
        expect(parseDecimal(s)).toBe(DECIMAL.test(s) && Number.isFinite(n) ? n : undefined);
        expect(parseInteger(s)).toBe(INTEGER.test(s) && Number.isSafeInteger(n) ? n : undefined);
      }),
      RUNS,
    );
  });

  it('read back every finite double and safe integer they encode', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseDecimal(DecimalFromString.encode(n))).toBe(n === 0 ? 0 : n);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseInteger(IntegerFromString.encode(n))).toBe(n);
      }),
      RUNS,
    );
  });

  it('never throw, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        for (const codec of [DecimalFromString, IntegerFromString, DateFromIso]) {
          for (const line of reportOf(codec, u)) expect(line.length).toBeLessThan(300);
        }
        parseDecimal(u);
        parseInteger(u);
        parseDate(u);
      }),
      RUNS,
    );
  });

  it.each([
    ['a 40,000-digit field ending in a letter', digitsThenLetter(40_000)],
    ['a megabyte of digits', '7'.repeat(1_000_000)],
    ['a megabyte of digits after a dot', `0.${'1'.repeat(1_000_000)}`],
  ])('refuse %s unread, with a decode error naming its length', (_, field) => {
    expect(parseDecimal(field)).toBeUndefined();
    expect(parseInteger(field)).toBeUndefined();
    expect(parseDate(field)).toBeUndefined();
    for (const codec of [DecimalFromString, IntegerFromString, DateFromIso]) {
      const [line, ...rest] = reportOf(codec, field);
      expect(rest).toEqual([]);
      expect(line).toContain(
        `(a string of ${field.length} characters; at most ${MAX_FIELD_LENGTH} are read)`,
      );
      expect(line?.length).toBeLessThan(300);
    }
  });

  it('match a long run of digits that ends in a letter in linear time (the old pattern needed minutes for this)', () => {
    // Called below the field limit's check: the patterns themselves are linear (unambiguous).
    expect(isDecimalLiteral(digitsThenLetter(1_000_000))).toBe(false);
    expect(isDecimalLiteral(`1.${'1'.repeat(1_000_000)}e+x`)).toBe(false);
    expect(isIntegerLiteral(digitsThenLetter(1_000_000))).toBe(false);
    expect(isDecimalLiteral('1'.repeat(1_000_000))).toBe(true);
  });

  it(`accept fields of exactly ${MAX_FIELD_LENGTH} characters`, () => {
    const decimal = `0.${'3'.repeat(MAX_FIELD_LENGTH - 2)}`;
    expect(parseDecimal(decimal)).toBe(Number(decimal));
    expect(parseDecimal(`${decimal}3`)).toBeUndefined();
  });
});

describe('timestamp parser', () => {
  const instant = fc.date({
    min: new Date(Date.UTC(100, 0, 1)),
    max: new Date(Date.UTC(9999, 11, 31)),
    noInvalidDate: true,
  });

  it('reads back every instant toISOString writes, and its epoch ms', () => {
    fc.assert(
      fc.property(instant, (date) => {
        expect(parseDate(date.toISOString())?.getTime()).toBe(date.getTime());
        expect(parseDate(date.getTime())?.getTime()).toBe(date.getTime());
      }),
      RUNS,
    );
  });

  it('agrees with the engine on every ISO string it accepts, and refuses exactly the days that do not exist', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const iso = fc.record({
      year: fc.integer({ min: 1000, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      time: fc.option(
        fc.tuple(
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          fc.integer({ min: 0, max: 59 }),
          fc.integer({ min: 0, max: 999 }),
          fc.constantFrom('Z', '+02:00', '-05:30', ''),
        ),
      ),
    });
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(iso, ({ year, month, day, time }) => {
        const text =
          `${year}-${two(month)}-${two(day)}` +
          (time === null
            ? ''
            : `T${two(time[0])}:${two(time[1])}:${two(time[2])}.${String(time[3]).padStart(3, '0')}${time[4]}`);
        const exists = day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
        const date = parseDate(text);
        expect(date !== undefined).toBe(exists);
        if (date === undefined) refused += 1;
        else {
          accepted += 1;
          expect(date.getTime()).toBe(new Date(text).getTime());
        }
      }),
      RUNS,
    );
    // Both branches ran: the property above cannot pass by refusing (or accepting) everything.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('never throws on short ISO-like strings or any string', () => {
    const isoish = fc.string({
      unit: fc.constantFrom('0', '1', '2', '9', '-', ':', 'T', 'Z', '.', '+', ' '),
      maxLength: 30,
    });
    fc.assert(
      fc.property(fc.oneof(isoish, fc.string()), (s) => {
        const date = parseDate(s);
        expect(date === undefined || !Number.isNaN(date.getTime())).toBe(true);
      }),
      RUNS,
    );
  });
});
