/**
 * What a numeric option must be: `positive` (finite, above 0: durations, TTLs), `whole` (an integer
 * from 1: counts, sizes, limits) or `non-negative` (finite, 0 or more).
 */
export type NumberRule = 'positive' | 'whole' | 'non-negative';

const RULES: Readonly<
  Record<NumberRule, { readonly test: (value: number) => boolean; readonly words: string }>
> = {
  positive: { test: (value) => Number.isFinite(value) && value > 0, words: 'a positive number' },
  whole: { test: (value) => Number.isSafeInteger(value) && value >= 1, words: 'a whole number >= 1' },
  'non-negative': { test: (value) => Number.isFinite(value) && value >= 0, words: 'a number >= 0' },
};

/**
 * The one check of a numeric option: `value` if it follows `rule`, else a `RangeError` naming it:
 * `${name} must be ${a positive number | a whole number >= 1 | a number >= 0}[ of ${unit}], got …`.
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
