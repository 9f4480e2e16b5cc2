/**
 * A plain object (`{}` literal, `JSON.parse` output or `Object.create(null)`): not an array, a Date,
 * a Map or a class instance. Every object from the network that the library reads as a record.
 */
export const isPlainRecord = (value: unknown): value is Readonly<Record<string, unknown>> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};
