// vitest-types.d.ts: the part of Vitest's API the Vitest recipe uses (vitest.ts), so that it type-checks here
// without Vitest installed. The recipe was run with Vitest 3 against the packed tarball.
declare module 'vitest' {
  export const test: (name: string, fn: () => void) => void;
  export const expect: (actual: unknown) => { toEqual(expected: unknown): void };
}
