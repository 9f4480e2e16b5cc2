import * as t from 'io-ts';
import { isPlainObject } from '../util/is-plain-object';
import { notPlainObject } from '../util/json-data';
import { isLeft } from './is-left';
import type { Simplify } from '../util/simplify';

type Props = Record<string, t.Mixed>;

/** The static type of a strict object: required props, then optional ones. */
export type StrictObjectOf<R extends Props, O extends Props> = Simplify<
  { [K in keyof R]: t.TypeOf<R[K]> } & { [K in keyof O]?: t.TypeOf<O[K]> }
>;

/**
 * An object codec for request params that, unlike `t.exact`, *rejects* unknown keys instead of
 * stripping them: a misspelt `tiker` must fail before anything is sent, not be silently dropped.
 * An optional key whose value is `undefined` counts as absent. Only plain objects pass: a `Date`, a `Map`
 * or a class instance is refused (JSON would send a Date as a string and a Map as `{}`, every ticker).
 * Failures carry readable messages.
 */
export const strictObject = <R extends Props, O extends Props>(
  required: R,
  optional: O,
  name: string,
): t.Type<StrictObjectOf<R, O>, Record<string, unknown>, unknown> => {
  const known = new Set([...Object.keys(required), ...Object.keys(optional)]);
  const allowed = [...known].map((key) => `"${key}"`).join(', ') || 'none';
  const isValue = (u: unknown): u is StrictObjectOf<R, O> =>
    isPlainObject(u) &&
    Object.keys(u).every((key) => known.has(key)) &&
    Object.entries(required).every(([key, codec]) => codec.is(u[key])) &&
    Object.entries(optional).every(([key, codec]) => u[key] === undefined || codec.is(u[key]));
  return new t.Type<StrictObjectOf<R, O>, Record<string, unknown>, unknown>(
    name,
    isValue,
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c, notPlainObject(u));
      const errors: t.ValidationError[] = [];
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(u)) {
        if (!known.has(key))
          errors.push(failure(u[key], c, key, `unknown param "${key}" (allowed: ${allowed})`));
      }
      const check = (key: string, codec: t.Mixed, isRequired: boolean): void => {
        const value = u[key];
        if (value === undefined) {
          if (isRequired) errors.push(failure(value, c, key, `missing required param "${key}"`));
          return;
        }
        const result = codec.validate(value, t.appendContext(c, key, codec, value));
        if (isLeft(result)) errors.push(...result.left);
        else out[key] = result.right;
      };
      for (const [key, codec] of Object.entries(required)) check(key, codec, true);
      for (const [key, codec] of Object.entries(optional)) check(key, codec, false);
      // `out` holds the validated required and present optional keys, nothing else.
      return errors.length > 0 ? t.failures(errors) : t.success(out as StrictObjectOf<R, O>);
    },
    (value) => {
      const out: Record<string, unknown> = {};
      const all: Props = { ...optional, ...required };
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const codec = all[key];
        if (codec !== undefined && v !== undefined) out[key] = codec.encode(v);
      }
      return out;
    },
  );
};

const failure = (value: unknown, c: t.Context, key: string, message: string): t.ValidationError => ({
  value,
  context: [...c, { key, type: t.unknown, actual: value }],
  message,
});
