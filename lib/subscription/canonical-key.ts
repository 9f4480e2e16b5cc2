import { jsonText } from '../util/json-text';

/** The text of a leaf: what `JSON.stringify` writes, `null` for what it leaves out. */
const leaf = (value: unknown): string => JSON.stringify(value) ?? 'null';

/** The canonical text of an object whose values are all leaves, or `undefined` if one is not. */
const flatObject = (record: Readonly<Record<string, unknown>>): string | undefined => {
  let out = '';
  for (const key of Object.keys(record).sort()) {
    const entry = record[key];
    if (entry === undefined) continue;
    if (entry !== null && typeof entry === 'object') return undefined;
    out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${leaf(entry)}`;
  }
  return `{${out}}`;
};

/**
 * JSON with object keys sorted at every level, so `{ a, b }` and `{ b, a }` give the same text; keys
 * whose value is `undefined` are left out. Runs for every `data` event (routing): the flat params every
 * subscription has (`{ ticker: 'AAPL' }`) take the loop above, and nesting goes to the library's one
 * JSON walker (`jsonText`), which never recurses, so no depth of input can overflow the call stack.
 * Work and text are linear in the input; params are checked to be JSON data within the limits before
 * they get here.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return leaf(value);
  const flat = Array.isArray(value) ? undefined : flatObject(value as Readonly<Record<string, unknown>>);
  return flat ?? jsonText(value, { sortKeys: true, toJSON: false });
};

/** The routing key of a subscription: its path and its params in canonical JSON. */
export const subscriptionKey = (path: string, params: unknown): string => `${path} ${canonicalJson(params)}`;
