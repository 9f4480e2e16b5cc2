import type * as t from 'io-ts';
import { MAX_FIELD_LENGTH } from '../util/limits';
import { invalidValue } from './report';

/**
 * The failure message for a number or timestamp string longer than `MAX_FIELD_LENGTH`, which is refused
 * without being read; `undefined` for any other value (the usual report applies).
 */
export const tooLong = (u: unknown, c: t.Context): string | undefined => {
  if (typeof u !== 'string' || u.length <= MAX_FIELD_LENGTH) return undefined;
  return `${invalidValue(u, c)} (a string of ${u.length} characters; at most ${MAX_FIELD_LENGTH} are read)`;
};
