import type { FetchLike } from './http';
import { importByName } from './import-by-name';

type CrossFetchModule = { readonly default?: FetchLike } & FetchLike;

let polyfill: Promise<FetchLike> | undefined;

/** cross-fetch, loaded on the first call in a runtime without a global `fetch` (never in browsers or Node ≥ 18). */
const loadPolyfill = (): Promise<FetchLike> =>
  (polyfill ??= importByName<CrossFetchModule>('cross-fetch').then(
    (module) => module.default ?? module,
    (cause: unknown) => {
      polyfill = undefined;
      throw new Error('No global fetch here, and cross-fetch could not be loaded: pass `fetch`', { cause });
    },
  ));

/**
 * The `fetch` the library uses when none is given: the global one where it exists (browsers, Node ≥ 18,
 * Deno, Bun, workers), looked up at each call so a test or an app can replace it; cross-fetch only where
 * there is none. Nothing imports cross-fetch statically, so bundles never carry it.
 */
export const defaultFetch: FetchLike = (input, init) =>
  typeof globalThis.fetch === 'function'
    ? globalThis.fetch(input, init)
    : loadPolyfill().then((fetch) => fetch(input, init));
