import type * as t from 'io-ts';

/** The codecs of one endpoint: its params (checked before sending) and its `results` array. */
/** The decoding half of {@link EndpointCodecs}, shared by every endpoint whatever its types. */
export interface EndpointDecoders {
  readonly params: t.Decoder<unknown, unknown>;
  readonly results: t.Decoder<unknown, unknown>;
}

export interface EndpointCodecs<Params, Rec> {
  readonly params: t.Type<Params, Record<string, unknown>, unknown>;
  readonly results: t.Type<Rec[], unknown[], unknown>;
}
