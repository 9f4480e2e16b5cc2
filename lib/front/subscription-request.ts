import type { RealTimeEndpointSpec } from '../endpoints/field-kind';
import { type RealTimeParamsProblem, realTimeParamsProblem } from '../endpoints/real-time-params';
import { TICKER_MESSAGE } from '../endpoints/ticker';
import { canonicalJson } from '../subscription/canonical-key';
import { isPlainObject } from '../util/is-plain-object';
import { canonicalPath, realTimeSpecOf } from '../endpoints/paths';

/** A `subscribe`/`unsubscribe` request in the shape the server works with. */
export interface SubscriptionRequest {
  /** The path exactly as sent; `data` events echo it. */
  readonly path: string;
  /** The params exactly as sent (flat: every value a string, number, boolean or null); `data` events echo them. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Identity on one socket: raw path + canonical params (key order does not matter). */
  readonly key: string;
}

/** What the data is about: the catalogue path and the one ticker (or none for every ticker). */
export interface Topic {
  /** Canonical path + canonical params: one source subscription per topic, however sockets spell it. */
  readonly key: string;
  /** The catalogue path (`/real-time/<name>`). */
  readonly path: string;
  /** The params the stream's kind takes, as sent (`{}` or `{ ticker }` today). */
  readonly params: Readonly<Record<string, string>>;
  readonly spec: RealTimeEndpointSpec;
  /** The one ticker asked for, or undefined for every ticker. */
  readonly ticker: string | undefined;
}

export interface ValidSubscription extends SubscriptionRequest {
  readonly topic: Topic;
}

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Longest path accepted (the catalogue's are under 60 characters). */
const MAX_PATH_LENGTH = 200;
/** Most params accepted in one request (the catalogue's endpoints take at most one). */
const MAX_PARAMS = 20;

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

const isFlatValue = (value: unknown): boolean => value === null || typeof value !== 'object';

/**
 * Checks the `{ path, params }` shape; enough for `unsubscribe`, which is idempotent. Never recurses:
 * params must be flat, so a request nested 30,000 levels deep is one more refusal.
 */
export const parseRequest = (event: string, options: unknown): Parsed<SubscriptionRequest> => {
  if (!isPlainObject(options)) return fail(`${event} options must be an object like { path, params }`);
  const { path, params } = options;
  if (typeof path !== 'string' || path === '') {
    return fail(`${event} options.path must be a non-empty string like '/real-time/crowd-sentiment'`);
  }
  if (path.length > MAX_PATH_LENGTH)
    return fail(`${event} options.path is longer than ${MAX_PATH_LENGTH} characters`);
  if (!isPlainObject(params)) return fail(`${event} options.params must be an object ({} for every ticker)`);
  const names = Object.keys(params);
  if (names.length > MAX_PARAMS) return fail(`${event} options.params has more than ${MAX_PARAMS} entries`);
  const nested = names.find((name) => !isFlatValue(params[name]));
  if (nested !== undefined) {
    return fail(`${event} options.params.${nested.slice(0, 40)} must be a string, number, boolean or null`);
  }
  return { ok: true, value: { path, params, key: `${path} ${canonicalJson(params)}` } };
};

/** Upstream's own message for a bad value of a param, by name (its 400s). */
const UPSTREAM_VALUE_MESSAGES: Readonly<Record<string, string>> = { ticker: TICKER_MESSAGE };

/** A params problem (the catalogue's rule) in the words upstream answers it with. */
const upstreamWording = (path: string, problem: RealTimeParamsProblem): string => {
  switch (problem.kind) {
    case 'takes-none':
      return `${path} takes no params (use {})`;
    case 'unknown':
      return `Unknown param '${problem.name}' for ${path} (it takes { ${problem.takes.map((name) => `${name}?`).join(', ')} })`;
    case 'invalid':
      return UPSTREAM_VALUE_MESSAGES[problem.name] ?? `Invalid param '${problem.name}' for ${path}`;
  }
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
  const problem = realTimeParamsProblem(spec.params, params);
  if (problem !== undefined) return fail(upstreamWording(path, problem));
  // Checked above: each param left is one the stream's kind takes, passed by its codec (all strings).
  const topicParams = Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== undefined),
  ) as Readonly<Record<string, string>>;
  const ticker = topicParams['ticker'];
  return {
    ok: true,
    value: {
      ...parsed.value,
      topic: {
        key: `${canonical} ${canonicalJson(topicParams)}`,
        path: canonical,
        params: topicParams,
        spec,
        ticker,
      },
    },
  };
};
