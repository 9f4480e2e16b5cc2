import { isJsonPrimitive } from '../util/json-data';

/** The route key of params `{}`. */
const EMPTY = '';

/**
 * The one key of `params` (a plain object), when its value is a JSON leaf (`{ ticker: 'AAPL' }`); `''`
 * for `{}`; `undefined` for any other params. Keys whose value is `undefined` count as absent. Params
 * with such a key are JSON data within the limits as they are: they need no walk.
 */
export const routeKey = (params: Readonly<Record<string, unknown>>): string | undefined => {
  let sole: string | undefined;
  for (const key in params) {
    if (!Object.hasOwn(params, key) || params[key] === undefined) continue;
    if (sole !== undefined || key === EMPTY) return undefined;
    sole = key;
  }
  if (sole === undefined) return EMPTY;
  return isJsonPrimitive(params[sole]) ? sole : undefined;
};

interface Indexed {
  readonly options: { readonly path: string; readonly params: Readonly<Record<string, unknown>> };
}

/**
 * The subscriptions whose params have a {@link routeKey}, by path, then by that key's value: what
 * routes nearly every `data` event without building a string for its params. `===` on JSON leaves is
 * JSON's equality (`Map` takes -0 as 0, as JSON writes it). A second subscription of the same path
 * with the same value under another key is not indexed: `get` misses it and the hub finds it by its
 * canonical key instead.
 */
export const createRouteIndex = <T extends Indexed>() => {
  const paths = new Map<string, Map<unknown, T>>();
  const valueOf = (params: Readonly<Record<string, unknown>>, key: string) =>
    key === EMPTY ? paths : params[key];
  return {
    get: (path: string, params: Readonly<Record<string, unknown>>, key: string): T | undefined => {
      const value = valueOf(params, key);
      const found = paths.get(path)?.get(value);
      // The entry's params have one key too, or none for the marker: equal values under equal keys.
      return key === EMPTY || found?.options.params[key] === value ? found : undefined;
    },
    add: (entry: T): void => {
      const { path, params } = entry.options;
      const key = routeKey(params);
      if (key === undefined) return;
      const values = paths.get(path) ?? new Map<unknown, T>();
      if (!values.has(valueOf(params, key))) values.set(valueOf(params, key), entry);
      paths.set(path, values);
    },
    remove: (entry: T): void => {
      const { path, params } = entry.options;
      const key = routeKey(params);
      const values = paths.get(path);
      if (key === undefined || values?.get(valueOf(params, key)) !== entry) return;
      values.delete(valueOf(params, key));
      if (values.size === 0) paths.delete(path);
    },
  };
};
