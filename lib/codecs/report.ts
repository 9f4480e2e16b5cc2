import type * as t from 'io-ts';
import { previewJson } from '../util/json-text';

/** Where a context points, written the way you would index the payload: `results/0/volume`, or `(root)`. */
const contextPath = (context: t.Context): string => {
  const keys = context.map((entry) => entry.key).filter((key) => key !== '');
  return keys.length > 0 ? keys.join('/') : '(root)';
};

/**
 * One line per failing leaf, e.g. `Invalid value "abc" supplied to results/0/volume: IntegerFromString`.
 * Shorter than io-ts' PathReporter: the path is written the way you would index the payload. Values are
 * shown as at most 80 characters of JSON (`previewJson`): any size or depth of input gives short lines.
 */
export const formatValidationErrors = (errors: t.Errors): string[] =>
  errors.map((error) => error.message ?? invalidValue(error.value, error.context));

/** The line for `value` failing at `context` when the error has no message of its own. */
export const invalidValue = (value: unknown, context: t.Context): string =>
  `Invalid value ${previewJson(value)} supplied to ${contextPath(context)}: ${context[context.length - 1]?.type.name ?? 'unknown'}`;
