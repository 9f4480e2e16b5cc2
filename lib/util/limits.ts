/**
 * The client's limits on what it reads from the network and takes as params (docs/limits.md, "Limits and
 * guarantees"). Past them, input is refused with a typed error instead of being scanned or walked.
 */

/**
 * The longest string a number or timestamp field may be, in characters. A double needs at most 24
 * (`-1.2345678901234567e-308`); longer strings fail their field with a `DecodeError` naming the length.
 */
export const MAX_FIELD_LENGTH = 100;

/**
 * The deepest nesting of arrays and objects accepted in params (a subscription's own and those a `data`
 * event echoes) and in the `results` of a custom endpoint. `{ ticker: 'AAPL' }` is depth 1.
 */
export const MAX_DEPTH = 64;

/**
 * The most values (strings, numbers, booleans, nulls, arrays and objects, each counted once) in a
 * subscription's params, and in params a `data` event echoes.
 */
export const MAX_PARAMS_VALUES = 10_000;
