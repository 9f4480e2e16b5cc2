import { isLeft } from '../codecs/is-left';
import { endpointCodecsFor } from './lookup';
import { formatValidationErrors } from '../codecs/report';

/**
 * Checks `params` for a catalogue path (real-time or historical) before anything is sent.
 * Returns one readable message per problem, e.g. `unknown param "tiker" (allowed: "ticker")` or
 * `"ticker" must be an upper-case ticker ...`; an empty array means the params are fine.
 * A path outside the catalogue is itself a problem: custom endpoints carry their own params codec.
 */
export const validateParams = (path: string, params: unknown): readonly string[] => {
  const codecs = endpointCodecsFor(path);
  if (codecs === undefined) return [`unknown path "${path}": not in the endpoint catalogue`];
  const result = codecs.params.decode(params);
  return isLeft(result) ? formatValidationErrors(result.left) : [];
};
