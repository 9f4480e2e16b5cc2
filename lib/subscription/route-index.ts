import { isJsonPrimitive } from '../util/json-data';

/**
 * The one key of `params` (a plain object), when its value is a JSON leaf (`{ ticker: 'AAPL' }`); `''`
 * for `{}` (whose `['']` is `undefined`, unlike that of `{ '': 'AAPL' }`); `undefined` for any other params. Keys whose value is `undefined` count as absent. Params
 * with such a key are JSON data within the limits as they are: they need no walk.
 */
export const routeKey = (params: Readonly<Record<string, unknown>>): string | undefined => {
  let sole: string | undefined;
  for (const key in params) {
    if (!Object.hasOwn(params, key) || params[key] === undefined) continue;
    if (sole !== undefined) return undefined;
    sole = key;
  }
  if (sole === undefined) return '';
  return isJsonPrimitive(params[sole]) ? sole : undefined;
};

/**
 * The subscriptions whose params have a {@link routeKey}, by path, then that key, then its value: what
 * routes nearly every `data` event without building a string for its params. `===` on JSON leaves is
 * JSON's equality (`Map` takes -0 as 0, as JSON writes it). Other params are routed by the hub, by
 * their canonical JSON.
 */
export const createRouteIndex = <T>() => {
  const paths = new Map<string, Map<string, Map<unknown, T>>>();
  // The last path looked up and its keys: events mostly come for the path of the one before, and a
  // string compare costs less than hashing the path, a new string in every event, for the map.
  let lastPath: string | undefined;
  let lastKeys: Map<string, Map<unknown, T>> | undefined;
  return {
    get: (path: string, params: Readonly<Record<string, unknown>>, key: string): T | undefined => {
      if (path !== lastPath) {
        lastKeys = paths.get(path);
        lastPath = path;
      }
      return lastKeys?.get(key)?.get(params[key]);
    },
    /** Routes (`path`, `params`) to `entry`, or to nothing when `entry` is `undefined`. */
    set: (path: string, params: Readonly<Record<string, unknown>>, entry: T | undefined): void => {
      const key = routeKey(params);
      if (key === undefined) return;
      lastPath = undefined;
      const keys = paths.get(path) ?? new Map<string, Map<unknown, T>>();
      const values = keys.get(key) ?? new Map<unknown, T>();
      if (entry === undefined) values.delete(params[key]);
      else values.set(params[key], entry);
      // Empty maps go, so that the paths and keys of past subscriptions are not kept.
      if (values.size > 0) keys.set(key, values);
      else keys.delete(key);
      if (keys.size > 0) paths.set(path, keys);
      else paths.delete(path);
    },
  };
};
