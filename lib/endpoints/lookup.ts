import type { EndpointDecoders } from './endpoint-codecs';
import { historicalEndpoints } from './historical-endpoints';
import { canonicalPath } from './paths';
import { realTimeEndpoints } from './real-time-endpoints';

const catalogue: Readonly<Record<string, EndpointDecoders>> = {
  ...realTimeEndpoints,
  ...historicalEndpoints,
};

/**
 * The codecs of a catalogue path, or `undefined` for a path outside it. A bare stream name
 * (`crowd-sentiment`, as upstream's streaming docs and the local server spell them) is read as
 * `/real-time/crowd-sentiment` (see `canonicalPath`).
 */
export const endpointCodecsFor = (path: string): EndpointDecoders | undefined => {
  const key = canonicalPath(path);
  return Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
};
