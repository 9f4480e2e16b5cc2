import type * as t from 'io-ts';
import { copyJsonData, type FrozenJson } from '../util/json-data';
import { isLeft } from '../codecs/is-left';
import { formatValidationErrors } from '../codecs/report';

export type CheckedParams =
  { readonly ok: true; readonly snapshot: FrozenJson } | { readonly ok: false; readonly problem: string };

/**
 * Params as a subscription keeps them: a deep, frozen copy of the caller's params, holding plain JSON
 * data only (see `copyJsonData`), checked by the endpoint's params codec. The snapshot is what is sent
 * on every (re)subscribe, what routes the `data` events and what they carry as `params`; the caller's
 * object is never kept, so mutating it later changes nothing.
 *
 * A `Date`, `Map`, `Set`, class instance, function, `undefined` in an array, `NaN` or cycle is refused
 * here, custom endpoints included: JSON would send them as something else (a Date as a string, a Map as
 * `{}`) and two different subscriptions could share a routing key. Send dates as ISO-8601 strings.
 */
export const snapshotParams = (codec: t.Decoder<unknown, unknown>, params: unknown): CheckedParams => {
  const copy = copyJsonData(params);
  if (!copy.ok) return copy;
  const checked = codec.decode(copy.value);
  if (isLeft(checked)) return { ok: false, problem: formatValidationErrors(checked.left).join('; ') };
  return { ok: true, snapshot: copy.value };
};
