/**
 * Browsers read every ISO-8601 timestamp by the general path of date-from-iso.ts (its pattern, then
 * `Date`), which gives the same instants: package.json `imports` `#canonical-iso` gives Node alone the
 * canonical form's own reader (canonical-iso.node.ts), faster there but about 0.45 KB gzip in every app
 * (`npx size-limit`, measured with it mapped for browsers too).
 */
export const canonicalIsoMs = (_s: string): number | undefined => undefined;
