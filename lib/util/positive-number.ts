// The one check of a numeric option, one message form: `${name} must be …, got ${value}` (a
// `RangeError`). One function per rule, so a bundle carries only the ones it calls (the browser
// client: `positiveNumber` and `nonNegativeNumber`, through the lifecycle policy).

/**
 * `value` if it is a finite number above 0 (durations, TTLs).
 * @example positiveNumber('startRelay: leaseTtl', -1) // RangeError 'startRelay: leaseTtl must be a positive number, got -1'
 */
export const positiveNumber = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
};

/** `value` if it is an integer from 1 (counts, sizes, limits). */
export const wholeNumber = (name: string, value: number): number => {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a whole number >= 1, got ${value}`);
  return value;
};

/** `value` if it is 0 or more, `Infinity` included (counts that may be unbounded, delays that may be 0). */
export const nonNegativeNumber = (name: string, value: number): number => {
  if (!(value >= 0)) throw new RangeError(`${name} must be 0 or more, got ${value}`);
  return value;
};
