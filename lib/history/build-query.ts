/** A query param value as the historical codecs accept it. */
export type QueryValue = string | number | Date | undefined;

/**
 * `?a=1&b=2` from params, in their key order: `undefined` values are left out, `Date`s are sent as
 * ISO-8601, everything is percent-encoded (`Other Futures` → `Other%20Futures`). `''` when empty.
 */
export const buildQuery = (params: Readonly<Record<string, QueryValue>>): string => {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const text = value instanceof Date ? value.toISOString() : String(value);
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
};
