/**
 * What a numeric option must be: `positive` (finite, above 0: durations, TTLs), `whole` (an integer
 * from 1: counts, sizes, limits) or `non-negative` (0 or more, `Infinity` included: counts that may be
 * unbounded, delays that may be 0).
 */
export type NumberRule = 'positive' | 'whole' | 'non-negative';

const RULES: Readonly<
  Record<NumberRule, { readonly test: (value: number) => boolean; readonly words: string }>
> = {
  positive: { test: (value) => Number.isFinite(value) && value > 0, words: 'a positive number' },
  whole: { test: (value) => Number.isSafeInteger(value) && value >= 1, words: 'a whole number >= 1' },
  'non-negative': { test: (value) => value >= 0, words: '0 or more' },
};

/**
 * The one check of a numeric option: `value` if it follows `rule`, else a `RangeError` naming it:
 * `${name} must be ${a positive number | a whole number >= 1 | 0 or more}[ of ${unit}], got …`.
 * @example positiveNumber('startRelay: leaseTtl', leaseTtl) // 'startRelay: leaseTtl must be a positive number, got -1'
 */
export const checkNumber = (name: string, value: number, rule: NumberRule, unit?: string): number => {
  const { test, words } = RULES[rule];
  if (typeof value !== 'number' || !test(value))
    throw new RangeError(
      `${name} must be ${words}${unit === undefined ? '' : ` of ${unit}`}, got ${String(value)}`,
    );
  return value;
};

/** `value` if it is a finite number above 0; see {@link checkNumber}. */
export const positiveNumber = (name: string, value: number, unit?: string): number =>
  checkNumber(name, value, 'positive', unit);

/** `value` if it is 0 or more (`Infinity` included); see {@link checkNumber}. */
export const nonNegativeNumber = (name: string, value: number, unit?: string): number =>
  checkNumber(name, value, 'non-negative', unit);
