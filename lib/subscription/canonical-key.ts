import { jsonText } from '../util/json-text';

/**
 * JSON with object keys sorted at every level, so `{ a, b }` and `{ b, a }` give the same text; keys
 * whose value is `undefined` are left out. The library's one JSON walker (`jsonText`) writes it, never
 * recursing, so no depth of input can overflow the call stack. Work and text are linear in the input;
 * params are checked to be JSON data within the limits before they get here. Runs at `subscribe$`, and
 * for the `data` events whose params do not route by value (route-index.ts).
 */
export const canonicalJson = (value: unknown): string => jsonText(value, { sortKeys: true, toJSON: false });

/** The routing key of a subscription: its path and its params in canonical JSON. */
export const subscriptionKey = (path: string, params: unknown): string => `${path} ${canonicalJson(params)}`;
