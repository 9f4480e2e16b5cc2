/**
 * Whether `u` is a plain object: made by `{}`, `JSON.parse` or `Object.create(null)`, in this realm or
 * another. Arrays, `Date`, `Map`, class instances and boxed primitives are not.
 */
export const isPlainObject = (u: unknown): u is Record<string, unknown> => {
  if (typeof u !== 'object' || u === null) return false;
  const proto: unknown = Object.getPrototypeOf(u);
  if (proto === null) return true;
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(u) === '[object Object]';
};
