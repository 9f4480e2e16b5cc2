import * as t from 'io-ts';

/** What the server sends on `data`, before the path's own codec looks at `results`. */
export const DataEnvelope = t.type(
  {
    path: t.string,
    params: t.UnknownRecord,
    results: t.unknown,
    timestamp: t.union([t.string, t.number]),
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
