interface Frame {
  readonly source: Record<string, unknown> | readonly unknown[];
  /** Own enumerable keys of an object; `undefined` for an array. */
  readonly keys: readonly string[] | undefined;
  index: number;
  /** Whether an entry has been written (so the next one needs a comma). */
  wrote: boolean;
}

const isSkipped = (v: unknown): boolean =>
  v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * At most `max` characters of JSON-like text for `value`, for error messages: what `JSON.stringify`
 * writes (keys in their order, `toJSON` honoured), cut to `max - 3` characters and `...` when longer.
 * Unlike `JSON.stringify` it never throws and never recurses: nesting 30,000 deep, cycles (`"[Circular]"`),
 * `bigint`s, throwing getters and megabyte strings cost no more than the characters it writes.
 */
export const previewJson = (value: unknown, max = 80): string => {
  if (value === undefined) return 'undefined';
  let out = '';
  const frames: Frame[] = [];
  const open = new Set<object>();
  let next: unknown = value;
  let pending = true;
  try {
    while (out.length <= max) {
      if (pending) {
        pending = false;
        let v = next;
        if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
          v = (v as { toJSON: () => unknown }).toJSON();
        }
        if (v === null || isSkipped(v)) out += 'null';
        else if (typeof v === 'string') out += JSON.stringify(v.length > max ? v.slice(0, max) : v);
        else if (typeof v === 'number') out += Number.isFinite(v) ? String(v) : 'null';
        else if (typeof v !== 'object') out += String(v);
        else if (open.has(v)) out += '"[Circular]"';
        else {
          open.add(v);
          const isArray = Array.isArray(v);
          out += isArray ? '[' : '{';
          frames.push({
            source: v as Frame['source'],
            keys: isArray ? undefined : Object.keys(v),
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
        const record = source as Record<string, unknown>;
        while (frame.index < keys.length) {
          const key = keys[frame.index] as string;
          const entry = record[key];
          frame.index += 1;
          if (isSkipped(entry)) continue;
          out += `${frame.wrote ? ',' : ''}${JSON.stringify(key.length > max ? key.slice(0, max) : key)}:`;
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
  return out.length > max ? `${out.slice(0, max - 3)}...` : out;
};
