import type * as t from 'io-ts';
import type { EndpointDecoders } from './endpoint-codecs';
import { historicalEndpoints, type HistoricalResultsOf } from './historical-endpoints';
import type { HistoricalPath } from './historical-specs';
import { realTimeEndpoints, type ResultsOf } from './real-time-endpoints';
import type { RealTimePath } from './real-time-specs';

const catalogue: Readonly<Record<string, EndpointDecoders>> = {
  ...realTimeEndpoints,
  ...historicalEndpoints,
};

/**
 * The codecs of a catalogue path, or `undefined` for a path outside it. A bare stream name
 * (`crowd-sentiment`, as upstream's streaming docs and the local server spell them) is read as
 * `/real-time/crowd-sentiment`.
 */
export const endpointCodecsFor = (path: string): EndpointDecoders | undefined => {
  const key = path.startsWith('/') ? path : `/real-time/${path}`;
  return Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
};

/**
 * The one seam where the client finds how to decode a path's `results`: the catalogue's array-of-
 * records codec, or `undefined` for a path outside the catalogue (see `customEndpoint`).
 */
export function resultsCodecFor<P extends RealTimePath>(path: P): t.Decoder<unknown, ResultsOf<P>>;
export function resultsCodecFor<P extends HistoricalPath>(
  path: P,
): t.Decoder<unknown, HistoricalResultsOf<P>>;
export function resultsCodecFor(path: string): t.Decoder<unknown, unknown> | undefined;
export function resultsCodecFor(path: string): t.Decoder<unknown, unknown> | undefined {
  return endpointCodecsFor(path)?.results;
}
