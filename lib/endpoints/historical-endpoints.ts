import type * as t from 'io-ts';
import type { EndpointCodecs, EndpointDecoders } from './endpoint-codecs';
import { historicalSpecs, type HistoricalPath } from './historical-specs';
import { historicalParamCodecs, type HistoricalParamName } from './param-codecs';
import { recordListCodec, type RecordFromFields } from './record-codec';
import { strictObject } from '../codecs/strict-object';
import type { Simplify } from '../util/simplify';

type ParamCodecs = typeof historicalParamCodecs;
type ParamsSpec<P extends HistoricalPath> = (typeof historicalSpecs)[P]['params'];
type RequiredParams<P extends HistoricalPath> = {
  [K in ParamsSpec<P>['required'][number]]: t.TypeOf<ParamCodecs[K]>;
};
type OptionalParams<P extends HistoricalPath> = {
  [K in ParamsSpec<P>['optional'][number]]?: t.TypeOf<ParamCodecs[K]>;
};
type Params<P extends HistoricalPath> = Simplify<RequiredParams<P> & OptionalParams<P>>;

/**
 * The query params of a historical path, required ones required, e.g. for `/historical/tweet-volume`
 * `{ ticker: string; start_ts?: string | Date; end_ts?: string | Date }`; `Record<string, never>`
 * for a path without params.
 */
export type HistoricalParamsOf<P extends HistoricalPath> = [keyof Params<P>] extends [never]
  ? Record<string, never>
  : Params<P>;

/** One decoded record of a historical path. */
export type HistoricalRecordOf<P extends HistoricalPath> = RecordFromFields<
  (typeof historicalSpecs)[P]['fields']
>;

/** A historical path's decoded response body. */
export type HistoricalResultsOf<P extends HistoricalPath> = HistoricalRecordOf<P>[];

/** Every historical path's params and results codecs. */
export type HistoricalEndpoints = {
  readonly [P in HistoricalPath]: EndpointCodecs<HistoricalParamsOf<P>, HistoricalRecordOf<P>>;
};

const pick = (names: readonly HistoricalParamName[]): Record<string, t.Mixed> =>
  Object.fromEntries(names.map((name) => [name, historicalParamCodecs[name]]));

const build = (path: HistoricalPath): EndpointDecoders => {
  const spec = historicalSpecs[path];
  return {
    params: strictObject(
      pick(spec.params.required),
      pick(spec.params.optional),
      `HistoricalParamsOf<${path}>`,
    ),
    results: recordListCodec(spec.fields, `HistoricalResultsOf<${path}>`, `HistoricalRecordOf<${path}>`),
  };
};

/** Path → `{ params, results }` codecs for the historical catalogue, built from `historicalSpecs`. */
export const historicalEndpoints = Object.fromEntries(
  (Object.keys(historicalSpecs) as HistoricalPath[]).map((path) => [path, build(path)]),
  // Each entry is what `build` makes from that path's spec; TS cannot follow that through fromEntries.
) as unknown as HistoricalEndpoints;
