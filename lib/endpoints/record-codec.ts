import * as t from 'io-ts';
import { compiledDecoder } from '#compiled-decoders';
import { isLeft } from '../codecs/is-left';
import type { FieldSpec } from './field-kind';
import { fieldCodecs, fieldParsers, type FieldValue } from './field-codecs';
import { isObject } from '../util/is-object';
import type { Simplify } from '../util/simplify';

/** A record's fields by their main name, as in `realTimeSpecs[path].fields`. */
export type FieldsSpec = Readonly<Record<string, FieldSpec>>;

/**
 * The decoded record for a fields spec, e.g. `{ ts: Date; ticker: string; volume: number }`
 * for `{ ts: { kind: 'timestamp' }, ticker: { kind: 'text' }, volume: { kind: 'integer' } }`.
 */
export type RecordFromFields<F extends FieldsSpec> = Simplify<{
  -readonly [K in keyof F]: FieldValue<F[K]['kind']>;
}>;

/** The wire form {@link recordCodec} encodes to: metrics as strings, timestamps as ISO-8601. */
export type EncodedRecordFromFields<F extends FieldsSpec> = {
  -readonly [K in keyof F]: t.OutputOf<(typeof fieldCodecs)[F[K]['kind']]>;
};

/** A {@link recordCodec}: an io-ts type with a context-free decoder for hot paths. */
export interface RecordCodec<F extends FieldsSpec> extends t.Type<
  RecordFromFields<F>,
  EncodedRecordFromFields<F>,
  unknown
> {
  /** The decoded record, or `undefined` if `u` fails (then `validate` says why). */
  readonly parse: (u: unknown) => RecordFromFields<F> | undefined;
}

interface CompiledField {
  readonly key: string;
  /** The main name first, then the aliases. */
  readonly names: readonly string[];
  readonly codec: t.Type<unknown, unknown, unknown>;
  readonly parse: (u: unknown) => unknown;
}

/** The first of a field's names that the input carries (`undefined` counts as absent). */
const pick = (input: Record<string, unknown>, names: readonly string[]): unknown => {
  for (const name of names) {
    const value = input[name];
    if (value !== undefined && Object.hasOwn(input, name)) return value;
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
export const recordCodec = <const F extends FieldsSpec>(fields: F, name = 'Record'): RecordCodec<F> => {
  const compiled: readonly CompiledField[] = Object.entries(fields).map(([key, spec]) => ({
    key,
    names: [key, ...(spec.aliases ?? [])],
    codec: fieldCodecs[spec.kind] as CompiledField['codec'],
    parse: fieldParsers[spec.kind],
  }));

  // Plain checks first; io-ts's context and errors are built only to report a failure. In Node a
  // catalogue shape has a decoder compiled for it (#compiled-decoders) that does the same. Either way
  // the record holds exactly the spec's keys, each decoded by its kind's parser.
  const parse = (compiledDecoder(fields) ??
    ((u: unknown): Record<string, unknown> | undefined => {
      if (!isObject(u)) return undefined;
      const out: Record<string, unknown> = {};
      for (const field of compiled) {
        const value = field.parse(pick(u, field.names));
        if (value === undefined) return undefined;
        out[field.key] = value;
      }
      return out;
    })) as (u: unknown) => RecordFromFields<F> | undefined;

  const report = (u: unknown, c: t.Context): t.Validation<RecordFromFields<F>> => {
    if (!isObject(u)) return t.failure(u, c);
    const errors: t.ValidationError[] = [];
    for (const field of compiled) {
      const value = pick(u, field.names);
      const result = field.codec.validate(value, t.appendContext(c, field.key, field.codec, value));
      if (isLeft(result)) errors.push(...result.left);
    }
    return t.failures(errors);
  };

  const codec = new t.Type<RecordFromFields<F>, EncodedRecordFromFields<F>, unknown>(
    name,
    (u): u is RecordFromFields<F> => isObject(u) && compiled.every((field) => field.codec.is(u[field.key])),
    (u, c) => {
      const record = parse(u);
      return record === undefined ? report(u, c) : t.success(record);
    },
    (record) => {
      const out: Record<string, unknown> = {};
      for (const field of compiled)
        out[field.key] = field.codec.encode((record as Record<string, unknown>)[field.key]);
      return out as EncodedRecordFromFields<F>;
    },
  );
  return Object.assign(codec, { parse });
};

/** A {@link recordListCodec}: an io-ts type with a context-free decoder for hot paths. */
export interface RecordListCodec<F extends FieldsSpec> extends t.Type<
  RecordFromFields<F>[],
  EncodedRecordFromFields<F>[],
  unknown
> {
  /** The decoded records, or `undefined` if `u` fails (then `validate` says why). */
  readonly parse: (u: unknown) => RecordFromFields<F>[] | undefined;
}

/**
 * The plain parse of every list codec {@link recordListCodec} made, by codec: how the router tells the
 * library's own codecs from a decoder of the user's that merely has a `parse` property (which it must
 * never call in place of `validate`).
 */
const listParsers = new WeakMap<object, (u: unknown) => unknown[] | undefined>();

/** `decoder`'s plain parse if {@link recordListCodec} made it, else `undefined` (validate it instead). */
export const listParserOf = (decoder: object): ((u: unknown) => unknown[] | undefined) | undefined =>
  listParsers.get(decoder);

/**
 * `t.array(recordCodec(fields))`, decoding each record by its fast path and building io-ts errors only
 * when one fails. The catalogue's `results` codecs are these.
 * @example recordListCodec({ ts: { kind: 'timestamp' }, volume: { kind: 'integer' } })
 */
export const recordListCodec = <const F extends FieldsSpec>(
  fields: F,
  name = 'Records',
  recordName = 'Record',
): RecordListCodec<F> => {
  const record = recordCodec(fields, recordName);
  const parse = (u: unknown): RecordFromFields<F>[] | undefined => {
    if (!Array.isArray(u)) return undefined;
    const out = new Array<RecordFromFields<F>>(u.length);
    for (let i = 0; i < u.length; i += 1) {
      const decoded = record.parse(u[i]);
      if (decoded === undefined) return undefined;
      out[i] = decoded;
    }
    return out;
  };
  // t.array's is, validate and encode, without its ArrayType (0.25 KB gzip in every browser bundle).
  const codec = new t.Type<RecordFromFields<F>[], EncodedRecordFromFields<F>[], unknown>(
    name,
    (u): u is RecordFromFields<F>[] => Array.isArray(u) && u.every(record.is),
    (u, c) => {
      const records = parse(u);
      return records !== undefined
        ? t.success(records)
        : Array.isArray(u)
          ? reportList(record, u, c)
          : t.failure(u, c);
    },
    (a) => a.map(record.encode),
  );
  listParsers.set(codec, parse);
  return Object.assign(codec, { parse });
};

/** The most failing records a list's report describes one by one; the rest are counted. */
export const MAX_REPORTED_RECORDS = 20;

/**
 * The failures of a list with a failing record, as `t.array` reports them (the same context and lines)
 * for the first {@link MAX_REPORTED_RECORDS} failing records, then one line counting the rest: a
 * megabyte of bad records costs a pass of the fast parser, not 40,000 report lines.
 */
const reportList = (
  record: t.Decoder<unknown, unknown> & { readonly parse: (u: unknown) => unknown },
  u: readonly unknown[],
  c: t.Context,
): t.Validation<never> => {
  const errors: t.ValidationError[] = [];
  let failed = 0;
  for (let i = 0; i < u.length; i += 1) {
    if (record.parse(u[i]) !== undefined) continue;
    failed += 1;
    if (failed > MAX_REPORTED_RECORDS) continue;
    const result = record.validate(u[i], t.appendContext(c, String(i), record, u[i]));
    if (isLeft(result)) errors.push(...result.left);
  }
  if (failed > MAX_REPORTED_RECORDS) {
    const more = failed - MAX_REPORTED_RECORDS;
    errors.push({
      value: u,
      context: c,
      message: `... and ${more} more of the ${u.length} records failed (the first ${MAX_REPORTED_RECORDS} are reported)`,
    });
  }
  return t.failures(errors);
};
