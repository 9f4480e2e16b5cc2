import * as t from 'io-ts';
import { isDeeperThan } from '../util/json-data';
import { MAX_DEPTH } from '../util/limits';
import { previewJson } from '../util/json-text';

/**
 * A path outside the catalogue together with the codecs that decode it: pass it to `subscribe$`
 * (or `fetchHistory$`) instead of a literal path to get typed `results` for endpoints this
 * library does not know yet.
 */
export interface CustomEndpoint<Results, Params = Readonly<Record<string, unknown>>> {
  readonly kind: 'custom-endpoint';
  readonly path: string;
  /** Decodes the whole `results` array. */
  readonly results: t.Decoder<unknown, Results>;
  /** Checks params before anything is sent. */
  readonly params: t.Decoder<unknown, Params>;
}

/**
 * Describes an endpoint outside the catalogue.
 * @param path e.g. `'/real-time/new-metric'`
 * @param results decodes the whole `results` array, e.g. `recordListCodec({ ts: { kind: 'timestamp' } })`;
 *   (the client decodes with it behind {@link withGuardedResults})
 * @param params checks params; defaults to any plain object
 * @example customEndpoint('/real-time/new-metric', recordListCodec(fields))
 */
export function customEndpoint<Results>(
  path: string,
  results: t.Decoder<unknown, Results>,
): CustomEndpoint<Results>;
export function customEndpoint<Results, Params>(
  path: string,
  results: t.Decoder<unknown, Results>,
  params: t.Decoder<unknown, Params>,
): CustomEndpoint<Results, Params>;
export function customEndpoint(
  path: string,
  results: t.Decoder<unknown, unknown>,
  params: t.Decoder<unknown, unknown> = t.UnknownRecord,
): CustomEndpoint<unknown, unknown> {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new TypeError(`customEndpoint: path must be a non-empty string, got ${JSON.stringify(path)}`);
  }
  return { kind: 'custom-endpoint', path, results, params };
}

/**
 * `results` behind two guards, since a codec of the caller's may recurse with the data (`t.recursion`):
 * input nested deeper than `MAX_DEPTH` fails without reaching it, and a codec that throws fails
 * instead (its error in the message). Either way the one subscription gets a `DecodeError`.
 */
const guarded = <A>(results: t.Decoder<unknown, A>): t.Decoder<unknown, A> => {
  const decoder: t.Decoder<unknown, A> = {
    name: results.name,
    validate: (u, c) => {
      if (isDeeperThan(u, MAX_DEPTH)) {
        return t.failure(u, c, `results are nested deeper than ${MAX_DEPTH} levels: not decoded`);
      }
      try {
        return results.validate(u, c);
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : previewJson(error);
        return t.failure(u, c, `the results codec ${results.name} threw ${reason}`);
      }
    },
    decode: (u) => decoder.validate(u, [{ key: '', type: decoder, actual: u }]),
  };
  return decoder;
};

/** Whether `u` is a descriptor made by {@link customEndpoint}. */
export const isCustomEndpoint = (u: unknown): u is CustomEndpoint<unknown, unknown> =>
  typeof u === 'object' && u !== null && (u as { kind?: unknown }).kind === 'custom-endpoint';

/**
 * The endpoint with its `results` codec behind the guards the client decodes custom endpoints with:
 * input nested deeper than `MAX_DEPTH` (64) fails without reaching the codec, and a codec that throws
 * (e.g. a `t.recursion` out of stack) fails instead of throwing. Descriptors made by hand get them too.
 */
export const withGuardedResults = <R, P>(endpoint: CustomEndpoint<R, P>): CustomEndpoint<R, P> => {
  // One guard per codec, so that the same endpoint subscribed twice keeps one decoder (one stream).
  let results = guards.get(endpoint.results) as t.Decoder<unknown, R> | undefined;
  if (results === undefined) {
    results = guarded(endpoint.results);
    guards.set(endpoint.results, results);
  }
  return { ...endpoint, results };
};

const guards = new WeakMap<t.Decoder<unknown, unknown>, t.Decoder<unknown, unknown>>();
