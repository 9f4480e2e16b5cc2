import type { FieldKind, FieldSpec } from './field-kind';

/**
 * A record shape's identity: every field's name, kind and aliases, in the spec's order (the order of the
 * decoded record's keys). Two fields specs with one shape decode alike, so a decoder compiled for one
 * (scripts/generate-decoders.ts) serves the other. JSON, so no name can make two shapes collide.
 * @example shapeKey({ ts: { kind: 'timestamp' } }) // '[["ts","timestamp",[]]]'
 */
export const shapeKey = (fields: Readonly<Record<string, FieldSpec>>): string =>
  JSON.stringify(
    Object.entries(fields).map(([name, spec]): [string, FieldKind, readonly string[]] => [
      name,
      spec.kind,
      spec.aliases ?? [],
    ]),
  );
