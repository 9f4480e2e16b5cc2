import type { FieldSpec } from './field-kind';

/**
 * No compiled decoders in browsers (package.json `imports` `#compiled-decoders`, every condition but
 * `node`): their 1.7 KB would grow every app's bundle, so records take recordCodec's generic parse.
 */
export const compiledDecoder = (
  _fields: Readonly<Record<string, FieldSpec>>,
): ((u: unknown) => Record<string, unknown> | undefined) | undefined => undefined;
