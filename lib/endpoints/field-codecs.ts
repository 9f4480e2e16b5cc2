import * as t from 'io-ts';
import type { FieldKind } from './field-kind';
import { DateFromIso, parseDate } from '../codecs/date-from-iso';
import {
  DecimalFromString,
  IntegerFromString,
  NullableDecimalFromString,
  parseDecimal,
  parseInteger,
  parseNullableDecimal,
} from '../codecs/number-from-string';

/** Text fields (ids, tickers, sectors): any string, the empty string included. */
const Text = new t.Type<string, string, unknown>('Text', t.string.is, t.string.validate, t.identity);

/** The codec that decodes each {@link FieldKind}: the single source of the decoded field types. */
export const fieldCodecs = {
  decimal: DecimalFromString,
  'nullable-decimal': NullableDecimalFromString,
  integer: IntegerFromString,
  text: Text,
  timestamp: DateFromIso,
} as const satisfies Record<FieldKind, t.Mixed>;

/** What a field of kind `K` decodes to: `decimal`/`integer` → number, `timestamp` → Date, ... */
export type FieldValue<K extends FieldKind> = t.TypeOf<(typeof fieldCodecs)[K]>;

/**
 * The same checks as {@link fieldCodecs} without io-ts's context: the decoded value, or `undefined` if it
 * fails. Records take this path first and ask the codecs only to report a failure.
 */
export const fieldParsers: { readonly [K in FieldKind]: (u: unknown) => FieldValue<K> | undefined } = {
  decimal: parseDecimal,
  'nullable-decimal': parseNullableDecimal,
  integer: parseInteger,
  text: (u) => (typeof u === 'string' ? u : undefined),
  timestamp: parseDate,
};
