/**
 * Why a request got no answer, without repeating the URL: native fetch's cause ("fetch failed" holds
 * the system's reason, e.g. `connect ECONNREFUSED 127.0.0.1:9`), or cross-fetch's text. Node's; the
 * browser build (`#platform`) reads the error's message alone, which is all a browser gives.
 */
export const networkReason = (cause: unknown): string => {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  // native fetch: "fetch failed", the reason inside (an AggregateError may have only a code)
  if (inner instanceof Error)
    return inner.message || String((inner as { code?: unknown }).code ?? cause.message);
  const reason = /reason: (.*)$/.exec(cause.message)?.[1];
  return reason ?? cause.message;
};
