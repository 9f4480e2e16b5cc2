import * as t from 'io-ts';
import type { FieldKind } from './field-kind';
import { DateFromIso } from './date-from-iso';
import { DecimalFromString, IntegerFromString, NullableDecimalFromString } from './number-from-string';

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
