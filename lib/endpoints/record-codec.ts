import * as t from 'io-ts';
import { isLeft } from './is-left';
import type { FieldSpec } from './field-kind';
import { fieldCodecs, type FieldValue } from './field-codecs';

/** A record's fields by their main name, as in `realTimeSpecs[path].fields`. */
export type FieldsSpec = Readonly<Record<string, FieldSpec>>;

/**
 * The decoded record for a fields spec, e.g. `{ ts: Date; ticker: string; volume: number }`
 * for `{ ts: { kind: 'timestamp' }, ticker: { kind: 'text' }, volume: { kind: 'integer' } }`.
 */
export type RecordFromFields<F extends FieldsSpec> = {
  -readonly [K in keyof F]: FieldValue<F[K]['kind']>;
};

/** The wire form {@link recordCodec} encodes to: metrics as strings, timestamps as ISO-8601. */
export type EncodedRecordFromFields<F extends FieldsSpec> = {
  -readonly [K in keyof F]: t.OutputOf<(typeof fieldCodecs)[F[K]['kind']]>;
};

const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** The first of `name` and its aliases that the input carries (`undefined` counts as absent). */
const pick = (input: Record<string, unknown>, name: string, spec: FieldSpec): unknown => {
  for (const key of [name, ...(spec.aliases ?? [])]) {
    if (Object.hasOwn(input, key) && input[key] !== undefined) return input[key];
  }
  return undefined;
};

/**
 * A codec for one flat record described by `fields`.
 *
 * - Each field is read from its main name or, failing that, from one of its `aliases`; the decoded
 *   record carries the main name only.
 * - Unknown fields are stripped (the decoded value has exactly the spec's keys), so the static type
 *   tells the whole truth and a new upstream field cannot leak into UIs untyped.
 * - A missing field fails like a bad value: `Invalid value undefined supplied to 0/volume: IntegerFromString`.
 */
export const recordCodec = <const F extends FieldsSpec>(
  fields: F,
  name = 'Record',
): t.Type<RecordFromFields<F>, EncodedRecordFromFields<F>, unknown> => {
  const entries = Object.entries(fields);
  return new t.Type<RecordFromFields<F>, EncodedRecordFromFields<F>, unknown>(
    name,
    (u): u is RecordFromFields<F> =>
      isObject(u) && entries.every(([key, spec]) => fieldCodecs[spec.kind].is(u[key])),
    (u, c) => {
      if (!isObject(u)) return t.failure(u, c);
      const out: Record<string, unknown> = {};
      const errors: t.ValidationError[] = [];
      for (const [key, spec] of entries) {
        const codec: t.Decoder<unknown, unknown> = fieldCodecs[spec.kind];
        const value = pick(u, key, spec);
        const result = codec.validate(value, t.appendContext(c, key, codec, value));
        if (isLeft(result)) errors.push(...result.left);
        else out[key] = result.right;
      }
      // `out` holds exactly the spec's keys, each decoded by its kind's codec.
      return errors.length > 0 ? t.failures(errors) : t.success(out as RecordFromFields<F>);
    },
    (record) => {
      const out: Record<string, unknown> = {};
      for (const [key, spec] of entries) {
        const codec = fieldCodecs[spec.kind] as t.Encoder<unknown, unknown>;
        out[key] = codec.encode((record as Record<string, unknown>)[key]);
      }
      return out as EncodedRecordFromFields<F>;
    },
  );
};
