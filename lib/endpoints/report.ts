import type * as t from 'io-ts';

const describe = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
};

/**
 * One line per failing leaf, e.g. `Invalid value "abc" supplied to results/0/volume: IntegerFromString`.
 * Shorter than io-ts' PathReporter: the path is written the way you would index the payload.
 */
export const formatValidationErrors = (errors: t.Errors): string[] =>
  errors.map((error) => {
    const keys = error.context.map((entry) => entry.key).filter((key) => key !== '');
    const last = error.context[error.context.length - 1];
    const where = keys.length > 0 ? keys.join('/') : '(root)';
    return (
      error.message ??
      `Invalid value ${describe(error.value)} supplied to ${where}: ${last?.type.name ?? 'unknown'}`
    );
  });
