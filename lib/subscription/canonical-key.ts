/** JSON with object keys sorted at every level, so `{ a, b }` and `{ b, a }` give the same text. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

/** The routing key of a subscription: its path and its params in canonical JSON. */
export const subscriptionKey = (path: string, params: unknown): string => `${path} ${canonicalJson(params)}`;
