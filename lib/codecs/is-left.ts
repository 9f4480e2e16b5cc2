import type { Either, Left } from 'fp-ts/lib/Either';

/**
 * fp-ts' `isLeft`, without importing fp-ts at run time: `fp-ts/lib/Either` has no file extension and
 * fp-ts has no `exports` map, so Node's ESM loader cannot resolve it from our `.mjs` build.
 */
export const isLeft = <E, A>(either: Either<E, A>): either is Left<E> => either._tag === 'Left';
