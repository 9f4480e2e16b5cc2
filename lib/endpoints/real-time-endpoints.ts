import type * as t from 'io-ts';
import type { EndpointCodecs, EndpointDecoders } from './endpoint-codecs';
import { tickerOptionalProps } from './real-time-params';
import { realTimeSpecs, type RealTimePath } from './real-time-specs';
import { recordListCodec, type RecordFromFields } from './record-codec';
import { strictObject } from '../codecs/strict-object';

/** Params of the per-ticker streams: `{ ticker?: string }` (absent = every ticker). */
export const TickerOptionalParams = strictObject({}, tickerOptionalProps, 'TickerOptionalParams');

/** Params of streams that take none: only `{}` passes. */
export const NoParams: t.Type<Record<string, never>, Record<string, unknown>, unknown> = strictObject(
  {},
  {},
  'NoParams',
);

/** The params codec for each `params` kind of `realTimeSpecs`, built from `realTimeParamsTable`'s props. */
export const realTimeParamsCodecs = {
  'ticker-optional': TickerOptionalParams,
  none: NoParams,
} as const;

/** The params a real-time path takes: `{ ticker?: string }`, or `Record<string, never>` (no keys). */
export type ParamsOf<P extends RealTimePath> = t.TypeOf<
  (typeof realTimeParamsCodecs)[(typeof realTimeSpecs)[P]['params']]
>;

/** One decoded record of a real-time path, e.g. `{ ts: Date; ticker: string; volume: number }`. */
export type RecordOf<P extends RealTimePath> = RecordFromFields<(typeof realTimeSpecs)[P]['fields']>;

/** A real-time path's decoded `results`. */
export type ResultsOf<P extends RealTimePath> = RecordOf<P>[];

/** Every real-time path's params and results codecs. */
export type RealTimeEndpoints = {
  readonly [P in RealTimePath]: EndpointCodecs<ParamsOf<P>, RecordOf<P>>;
};

const build = (path: RealTimePath): EndpointDecoders => {
  const spec = realTimeSpecs[path];
  return {
    params: realTimeParamsCodecs[spec.params],
    results: recordListCodec(spec.fields, `ResultsOf<${path}>`, `RecordOf<${path}>`),
  };
};

/**
 * Path → `{ params, results }` codecs for the real-time catalogue, built from `realTimeSpecs`.
 * @example realTimeEndpoints['/real-time/tweet-volume'].results.decode(event.results)
 */
export const realTimeEndpoints = Object.fromEntries(
  (Object.keys(realTimeSpecs) as RealTimePath[]).map((path) => [path, build(path)]),
  // Each entry is what `build` makes from that path's spec; TS cannot follow that through fromEntries.
) as unknown as RealTimeEndpoints;
