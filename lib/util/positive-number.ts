/** `value` if it is a finite number above 0; else a `RangeError` naming it: `${name} must be a positive number, got …`. */
export const positiveNumber = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
};

/** `value` if it is 0 or more (`Infinity` included); else a `RangeError` naming it: `${name} must be 0 or more, got …`. */
export const nonNegativeNumber = (name: string, value: number): number => {
  if (!(value >= 0)) throw new RangeError(`${name} must be 0 or more, got ${value}`);
  return value;
};
