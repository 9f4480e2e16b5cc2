import * as t from 'io-ts';

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
 * @param results decodes the whole `results` array, e.g. `recordListCodec({ ts: { kind: 'timestamp' } })`
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

/** Whether `u` is a descriptor made by {@link customEndpoint}. */
export const isCustomEndpoint = (u: unknown): u is CustomEndpoint<unknown, unknown> =>
  typeof u === 'object' && u !== null && (u as { kind?: unknown }).kind === 'custom-endpoint';
