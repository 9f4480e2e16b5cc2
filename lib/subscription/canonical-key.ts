interface Frame {
  readonly source: Readonly<Record<string, unknown>> | readonly unknown[];
  /** Sorted keys of an object; `undefined` for an array. */
  readonly keys: readonly string[] | undefined;
  index: number;
  /** Whether an entry has been written (so the next one needs a comma). */
  wrote: boolean;
}

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
 * subscription has (`{ ticker: 'AAPL' }`) take the loop without a stack, and nesting is walked with an
 * explicit stack, never recursion, so no depth of input can overflow the call stack. Work and text are
 * linear in the input; params are checked to be JSON data within the limits before they get here.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return leaf(value);
  if (!Array.isArray(value)) {
    const flat = flatObject(value as Readonly<Record<string, unknown>>);
    if (flat !== undefined) return flat;
  }
  let out = '';
  const frames: Frame[] = [];
  let next: unknown = value;
  let pending = true;
  for (;;) {
    if (pending) {
      pending = false;
      if (next === null || typeof next !== 'object') {
        out += leaf(next);
      } else {
        const isArray = Array.isArray(next);
        out += isArray ? '[' : '{';
        const source = next as Frame['source'];
        frames.push({
          source,
          keys: isArray ? undefined : Object.keys(source).sort(),
          index: 0,
          wrote: false,
        });
      }
      continue;
    }
    const frame = frames[frames.length - 1];
    if (frame === undefined) return out;
    const { source, keys } = frame;
    if (keys === undefined) {
      const items = source as readonly unknown[];
      if (frame.index < items.length) {
        if (frame.wrote) out += ',';
        frame.wrote = true;
        next = items[frame.index];
        frame.index += 1;
        pending = true;
        continue;
      }
    } else {
      const record = source as Readonly<Record<string, unknown>>;
      while (frame.index < keys.length) {
        const key = keys[frame.index] as string;
        const entry = record[key];
        frame.index += 1;
        if (entry === undefined) continue;
        out += `${frame.wrote ? ',' : ''}${JSON.stringify(key)}:`;
        frame.wrote = true;
        next = entry;
        pending = true;
        break;
      }
      if (pending) continue;
    }
    out += keys === undefined ? ']' : '}';
    frames.pop();
  }
};

/** The routing key of a subscription: its path and its params in canonical JSON. */
export const subscriptionKey = (path: string, params: unknown): string => `${path} ${canonicalJson(params)}`;
