import * as t from 'io-ts';

/**
 * The one seam where the client finds how to decode a path's `results`.
 * Placeholder until the catalogue lands: every path's results are checked to be an array.
 */
export const resultsCodecFor = (_path: string): t.Decoder<unknown, unknown> | undefined => t.UnknownArray;
