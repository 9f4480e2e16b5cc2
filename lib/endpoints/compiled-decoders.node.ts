import { compiledDecoders } from './compiled-decoders.generated';
import type { FieldSpec } from './field-kind';
import { shapeKey } from './record-shape';

/**
 * The compiled decoder of a record shape in Node (package.json `imports` `#compiled-decoders`, condition
 * `node`): one of compiled-decoders.generated.ts, straight-line checks that read each field by its own
 * name and build the record as one object literal, the same result as recordCodec's generic parse (a
 * property spec holds them to the io-ts codec). `undefined` for shapes outside the catalogue. Browsers
 * resolve compiled-decoders.browser.ts instead, which has none: they keep the generic parse and the bytes.
 */
export const compiledDecoder = (
  fields: Readonly<Record<string, FieldSpec>>,
): ((u: unknown) => Record<string, unknown> | undefined) | undefined =>
  compiledDecoders.get(shapeKey(fields));
