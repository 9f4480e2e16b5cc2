import type { RealTimeEndpointSpec } from '../endpoints/field-kind';
import { canonicalJson } from '../subscription/canonical-key';
import { canonicalPath, realTimeSpecOf } from './paths';
import { isTicker, TICKER_MESSAGE } from './ticker';

/** A `subscribe`/`unsubscribe` request in the shape the server works with. */
export interface SubscriptionRequest {
  /** The path exactly as sent; `data` events echo it. */
  readonly path: string;
  /** The params exactly as sent; `data` events echo them. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Identity on one socket: raw path + canonical params (key order does not matter). */
  readonly key: string;
}

export interface ValidSubscription extends SubscriptionRequest {
  readonly canonicalPath: string;
  readonly spec: RealTimeEndpointSpec;
  /** The one ticker asked for, or undefined for every configured ticker. */
  readonly ticker: string | undefined;
}

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** Checks the `{ path, params }` shape; enough for `unsubscribe`, which is idempotent. */
export const parseRequest = (event: string, options: unknown): Parsed<SubscriptionRequest> => {
  if (!isObject(options)) return fail(`${event} options must be an object like { path, params }`);
  const { path, params } = options;
  if (typeof path !== 'string' || path === '') {
    return fail(`${event} options.path must be a non-empty string like '/real-time/crowd-sentiment'`);
  }
  if (!isObject(params)) return fail(`${event} options.params must be an object ({} for every ticker)`);
  return { ok: true, value: { path, params, key: `${path} ${canonicalJson(params)}` } };
};

/** Everything `subscribe` needs: a known path the key may use, with params it takes. */
export const parseSubscription = (
  options: unknown,
  allowedPaths: readonly string[] | undefined,
): Parsed<ValidSubscription> => {
  const parsed = parseRequest('subscribe', options);
  if (!parsed.ok) return parsed;
  const { path, params } = parsed.value;
  const canonical = canonicalPath(path);
  const spec = realTimeSpecOf(canonical);
  if (spec === undefined) return fail(`Unknown path: ${path}`);
  if (allowedPaths !== undefined && !allowedPaths.includes(canonical)) {
    return fail(`This API key may not use ${path} (restricted endpoint)`);
  }
  const names = Object.keys(params).filter((name) => params[name] !== undefined);
  if (spec.params === 'none' && names.length > 0) return fail(`${path} takes no params (use {})`);
  const unknown = names.find((name) => name !== 'ticker');
  if (unknown !== undefined) return fail(`Unknown param '${unknown}' for ${path} (it takes { ticker? })`);
  const { ticker } = params;
  if (ticker !== undefined && !isTicker(ticker)) return fail(TICKER_MESSAGE);
  return {
    ok: true,
    value: {
      ...parsed.value,
      canonicalPath: canonical,
      spec,
      ticker,
    },
  };
};
