import { isPlainObject } from './is-plain-object';
import { MAX_DEPTH, MAX_PARAMS_VALUES } from './limits';

/** Plain JSON data, deeply frozen: what {@link copyJsonData} returns. */
export type FrozenJson = Readonly<Record<string, unknown>>;

export type JsonDataResult =
  { readonly ok: true; readonly value: FrozenJson } | { readonly ok: false; readonly problem: string };

const JSON_KINDS = 'a string, a finite number, a boolean, null, an array or a plain object';

const withArticle = (name: string): string => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;

/** What a value that is not JSON data is, for a message: `a Date`, `a Map`, `a Quote`, `NaN`, `undefined`. */
export const kindOf = (u: unknown): string => {
  if (u === null || u === undefined || typeof u === 'number') return String(u);
  if (Array.isArray(u)) return 'an array';
  if (typeof u !== 'object') return withArticle(typeof u);
  if (isPlainObject(u)) return 'a plain object';
  try {
    const name = (Object.getPrototypeOf(u) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    return typeof name === 'string' && name !== '' ? withArticle(name) : 'an object with a prototype';
  } catch {
    return 'an unreadable object';
  }
};

/** Why `u` is not a plain object, e.g. `params must be a plain object ({ key: value }), got a Date`. */
export const notPlainObject = (u: unknown, what = 'params'): string =>
  typeof u === 'object' && u !== null && !Array.isArray(u)
    ? `${what} must be a plain object ({ key: value }), got ${kindOf(u)}`
    : `${what} must be an object, got ${u === null ? 'null' : Array.isArray(u) ? 'an array' : typeof u}`;

interface Frame {
  readonly source: Readonly<Record<string, unknown>> | readonly unknown[];
  /** Own enumerable keys of an object; `undefined` for an array. */
  readonly keys: readonly string[] | undefined;
  readonly target: Record<string, unknown> | unknown[] | undefined;
  index: number;
}

/** Whether `u` is a JSON leaf: a string, a finite number, a boolean or `null`. */
export const isJsonPrimitive = (u: unknown): boolean =>
  u === null ||
  typeof u === 'string' ||
  typeof u === 'boolean' ||
  (typeof u === 'number' && Number.isFinite(u));

/**
 * Walks `root` (a plain object) without recursion, checking that it is JSON data within the limits, and
 * copying it when `copy` is set. Object keys whose value is `undefined` count as absent.
 */
const walk = (root: unknown, what: string, copy: boolean): JsonDataResult => {
  if (!isPlainObject(root)) return { ok: false, problem: notPlainObject(root, what) };
  const path: string[] = [];
  const fail = (problem: string): JsonDataResult => ({
    ok: false,
    // Keys are cut to 40 characters: a megabyte key must not make a megabyte message.
    problem: `${[what, ...path.map((key) => (key.length > 40 ? `${key.slice(0, 37)}...` : key))].join('/')} ${problem}`,
  });
  const rootCopy: Record<string, unknown> | undefined = copy ? {} : undefined;
  const frames: Frame[] = [{ source: root, keys: Object.keys(root), target: rootCopy, index: 0 }];
  const open = new Set<object>([root]);
  let values = 1;
  try {
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as Frame;
      const { source, keys, target } = frame;
      if (frame.index >= (keys ?? (source as readonly unknown[])).length) {
        if (target !== undefined) Object.freeze(target);
        open.delete(source);
        frames.pop();
        path.pop();
        continue;
      }
      const key = keys === undefined ? frame.index : (keys[frame.index] as string);
      const value = (source as Record<string | number, unknown>)[key];
      frame.index += 1;
      if (keys !== undefined && value === undefined) continue;
      values += 1;
      if (values > MAX_PARAMS_VALUES) {
        return { ok: false, problem: `${what} hold more than ${MAX_PARAMS_VALUES} values` };
      }
      let entry: unknown = value;
      if (!isJsonPrimitive(value)) {
        path.push(String(key));
        const isArray = Array.isArray(value);
        if (!isArray && !isPlainObject(value)) return fail(`must be ${JSON_KINDS}, got ${kindOf(value)}`);
        if (open.has(value as object)) return fail('refers to itself');
        if (frames.length >= MAX_DEPTH) return fail(`is nested deeper than ${MAX_DEPTH} levels`);
        entry = copy ? (isArray ? [] : {}) : undefined;
        frames.push({
          source: value as Frame['source'],
          keys: isArray ? undefined : Object.keys(value as object),
          target: entry as Frame['target'],
          index: 0,
        });
        open.add(value as object);
      }
      if (target !== undefined) {
        // defineProperty: an own "__proto__" key stays a key instead of setting the prototype.
        Object.defineProperty(target, key, {
          value: entry,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  } catch (error) {
    return fail(`could not be read: ${error instanceof Error ? error.message : 'it threw'}`);
  }
  return { ok: true, value: rootCopy ?? root };
};

/**
 * A deep, frozen copy of `value` if it is a plain object of JSON data within the limits (depth
 * `MAX_DEPTH`, `MAX_PARAMS_VALUES` values), or the first problem, e.g.
 * `params/start must be a string, a finite number, …, got a Date`. Keys whose value is `undefined`
 * are left out. Never recurses, never throws: getters that throw are reported as a problem.
 */
export const copyJsonData = (value: unknown, what = 'params'): JsonDataResult => walk(value, what, true);

/** The problem {@link copyJsonData} would report for `value`, without copying; `undefined` if none. */
export const jsonDataProblem = (value: unknown, what = 'params'): string | undefined => {
  const result = walk(value, what, false);
  return result.ok ? undefined : result.problem;
};

/**
 * Whether `value` nests arrays and objects deeper than `max` levels (`[]` and `{}` are one level).
 * One pass with an explicit stack: linear in the input, whatever its depth.
 */
export const isDeeperThan = (value: unknown, max: number): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const stack: { readonly items: readonly unknown[]; index: number }[] = [];
  const enter = (u: object): boolean => {
    if (stack.length >= max) return false;
    stack.push({ items: Array.isArray(u) ? u : Object.values(u), index: 0 });
    return true;
  };
  if (!enter(value)) return true;
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { readonly items: readonly unknown[]; index: number };
    if (top.index >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.index];
    top.index += 1;
    if (typeof item === 'object' && item !== null && !enter(item)) return true;
  }
  return false;
};
