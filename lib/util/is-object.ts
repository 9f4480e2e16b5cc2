/** Whether `u` is an object with string keys to read: not `null`, not an array. */
export const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);
