import type { EndpointDecoders } from './endpoint-codecs';
import { historicalEndpoints } from './historical-endpoints';
import { realTimeEndpoints } from './real-time-endpoints';

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
