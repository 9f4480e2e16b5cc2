/** The adversarial inputs of issue 10, built once for the hostile specs (and the same shapes as the bench). */

/** A run of `digits` digits ending in a letter: quadratic for a backtracking decimal pattern. */
export const digitsThenLetter = (digits: number): string => `${'1'.repeat(digits)}x`;

/** `{ a: { a: … leaf … } }`, `depth` objects deep, built without recursion. */
export const nestedObject = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
};

/** `[[[… leaf …]]]`, `depth` arrays deep. */
export const nestedArray = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
};

/**
 * The JSON text of {@link nestedObject}: about 6 bytes a level, so 30,000 levels is the 180 KB.
 * Written by hand because `JSON.stringify` itself overflows the stack a few thousand levels down.
 */
export const nestedObjectJson = (depth: number, leaf = '1'): string =>
  `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
