interface Frame {
  readonly source: Readonly<Record<string, unknown>> | readonly unknown[];
  /** Own enumerable keys of an object (sorted when asked); `undefined` for an array. */
  readonly keys: readonly string[] | undefined;
  index: number;
  /** Whether an entry has been written (so the next one needs a comma). */
  wrote: boolean;
}

export interface JsonTextOptions {
  /** Object keys in sorted order at every level, so `{ a, b }` and `{ b, a }` give the same text. */
  readonly sortKeys?: boolean;
  /** Write what a value's `toJSON()` returns, as `JSON.stringify` does (a `Date` as its ISO string). @default true */
  readonly toJSON?: boolean;
  /**
   * Stop once the text is longer than this many characters; strings and keys are cut to it as well.
   * The caller cuts the result. @default Infinity
   */
  readonly max?: number;
}

const isSkipped = (v: unknown): boolean =>
  v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The text `JSON.stringify` writes for `value` (members whose value is `undefined`, a function or a
 * symbol left out, `null` in their place in arrays, non-finite numbers as `null`, `toJSON` honoured unless told not to),
 * with keys sorted if asked, and stopping past `max` characters. Unlike `JSON.stringify` it never
 * throws (the text so far and `…`) and never recurses: nesting 100,000 deep, cycles (`"[Circular]"`),
 * `bigint`s, throwing getters and megabyte strings cost no more than the characters it writes.
 * The one JSON walker of the library: routing keys and the values shown in messages.
 */
export const jsonText = (
  value: unknown,
  { sortKeys = false, toJSON = true, max = Infinity }: JsonTextOptions = {},
): string => {
  let out = '';
  const frames: Frame[] = [];
  const open = new Set<object>();
  const cut = (s: string): string => (s.length > max ? s.slice(0, max) : s);
  let next: unknown = value;
  let pending = true;
  try {
    while (out.length <= max) {
      if (pending) {
        pending = false;
        let v = next;
        if (
          toJSON &&
          typeof v === 'object' &&
          v !== null &&
          typeof (v as { toJSON?: unknown }).toJSON === 'function'
        ) {
          v = (v as { toJSON: () => unknown }).toJSON();
        }
        if (v === null || isSkipped(v)) out += 'null';
        else if (typeof v === 'string') out += JSON.stringify(cut(v));
        else if (typeof v === 'number') out += Number.isFinite(v) ? String(v) : 'null';
        else if (typeof v !== 'object') out += String(v);
        else if (open.has(v)) out += '"[Circular]"';
        else {
          open.add(v);
          const isArray = Array.isArray(v);
          out += isArray ? '[' : '{';
          const keys = isArray ? undefined : Object.keys(v);
          frames.push({
            source: v as Frame['source'],
            keys: sortKeys ? keys?.sort() : keys,
            index: 0,
            wrote: false,
          });
        }
        continue;
      }
      const frame = frames[frames.length - 1];
      if (frame === undefined) break;
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
          if (isSkipped(entry)) continue;
          out += `${frame.wrote ? ',' : ''}${JSON.stringify(cut(key))}:`;
          frame.wrote = true;
          next = entry;
          pending = true;
          break;
        }
        if (pending) continue;
      }
      out += keys === undefined ? ']' : '}';
      open.delete(source);
      frames.pop();
    }
  } catch {
    out += '…';
  }
  return out;
};

/**
 * At most `max` characters of JSON-like text for `value`, for error messages: {@link jsonText} cut to
 * `max - 3` characters and `...` when longer; `undefined` as `undefined`.
 */
export const previewJson = (value: unknown, max = 80): string => {
  if (value === undefined) return 'undefined';
  const out = jsonText(value, { max });
  return out.length > max ? `${out.slice(0, max - 3)}...` : out;
};
