import * as t from 'io-ts';
import { objectCodec } from '../codecs/object-codec';
import { jsonDataProblem } from '../util/json-data';
import { MAX_FIELD_LENGTH } from '../util/limits';

/**
 * The params a `data` event echoes: a plain object of JSON data within the limits every subscription's
 * params are held to (`MAX_DEPTH`, `MAX_PARAMS_VALUES`), so none of ours can match anything else and
 * routing never walks an unbounded structure.
 */
const EchoedParams = new t.Type<
  Readonly<Record<string, unknown>>,
  Readonly<Record<string, unknown>>,
  unknown
>(
  'Params',
  (u): u is Readonly<Record<string, unknown>> => jsonDataProblem(u) === undefined,
  (u, c) => {
    const problem = jsonDataProblem(u, 'params');
    return problem === undefined
      ? t.success(u as Readonly<Record<string, unknown>>)
      : t.failure(u, c, problem);
  },
  t.identity,
);

/** Whether `u` passes as the envelope's `timestamp` (see `EnvelopeTimestamp`). */
export const isEnvelopeTimestamp = (u: unknown): u is string | number =>
  typeof u === 'number' || (typeof u === 'string' && u.length <= MAX_FIELD_LENGTH);

/** The envelope's `timestamp`: a number, or a string of at most `MAX_FIELD_LENGTH` characters. */
const EnvelopeTimestamp = new t.Type<string | number, string | number, unknown>(
  'Timestamp',
  isEnvelopeTimestamp,
  (u, c) => (isEnvelopeTimestamp(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/**
 * What the server sends on `data`, before the path's own codec looks at `results`. An envelope that
 * fails this cannot be routed: it goes to `unroutable$` as a `DecodeError`.
 */
export const DataEnvelope = objectCodec(
  {
    path: t.string,
    params: EchoedParams,
    results: t.unknown,
    timestamp: EnvelopeTimestamp,
  },
  'DataEnvelope',
);
export type DataEnvelope = t.TypeOf<typeof DataEnvelope>;

/**
 * One `data` event of a subscription, its `results` decoded by the path's codec. `path` is the literal
 * path of a catalogue subscription, so events of `merge`d streams narrow on `event.path === '/real-time/…'`.
 */
export interface DataEvent<
  Params = Readonly<Record<string, unknown>>,
  Results = unknown,
  Path extends string = string,
> {
  readonly path: Path;
  readonly params: Params;
  readonly results: Results;
  /** When the server sent it. */
  readonly timestamp: Date;
}

/** The `{ path, params }` sent with `subscribe` and `unsubscribe`. */
export interface SubscriptionOptions {
  readonly path: string;
  readonly params: Readonly<Record<string, unknown>>;
}
