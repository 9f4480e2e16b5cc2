/** JSON with object keys sorted at every level, so `{ a, b }` and `{ b, a }` give the same text. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Runs for every `data` event (routing), hence the plain loop.
    let out = '';
    for (const key of Object.keys(record).sort()) {
      const entry = record[key];
      if (entry === undefined) continue;
      out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(entry)}`;
    }
    return `{${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

/** The routing key of a subscription: its path and its params in canonical JSON. */
export const subscriptionKey = (path: string, params: unknown): string => `${path} ${canonicalJson(params)}`;
