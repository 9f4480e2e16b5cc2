import type * as t from 'io-ts';
import { isLeft } from '../codecs/is-left';
import { defer, finalize, from, throwError, type Observable } from 'rxjs';
import { isCustomEndpoint, withGuardedResults, type CustomEndpoint } from '../endpoints/custom-endpoint';
import type { HistoricalParamsOf, HistoricalRecordOf } from '../endpoints/historical-endpoints';
import type { HistoricalPath } from '../endpoints/historical-specs';
import { endpointCodecsFor } from '../endpoints/lookup';
import { formatValidationErrors } from '../codecs/report';
import { DecodeError } from '../errors/decode-error';
import { HistoryError } from '../errors/history-error';
import { basicAuthorization, trimTrailingSlashes, type FetchLike } from '../util/http';
import { isObject } from '../util/is-object';
import { buildQuery, type QueryValue } from './build-query';

/** The `fetch` `fetchHistory$` calls: the same {@link FetchLike} as the client's. */
export type HistoryFetch = FetchLike;

/** What every `fetchHistory$` call takes besides the endpoint and its params. */
export interface FetchHistoryBase {
  /** The API's base url, e.g. `'https://open.marketprophit.com'` or the local server's. */
  readonly url: string;
  /** Called once per subscription; gets an `AbortSignal` that fires on unsubscribe. */
  readonly fetch: HistoryFetch;
  /** Secret API key, sent as HTTP Basic user with an empty password. Server side only. */
  readonly apiKey?: string;
  /** Extra request headers (e.g. for a proxy that authenticates on the server's behalf). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options for a catalogue path: params and records typed by `path`. */
export interface FetchHistoryOptions<P extends HistoricalPath> extends FetchHistoryBase {
  readonly path: P;
  readonly params: HistoricalParamsOf<P>;
}

/** Options for an endpoint outside the catalogue, described by `customEndpoint`. */
export interface FetchCustomHistoryOptions<Results, Params> extends FetchHistoryBase {
  readonly path: CustomEndpoint<Results, Params>;
  readonly params: Params;
}

/**
 * `GET {url}{path}?{params}` as a cold Observable of the decoded records: nothing is sent until
 * subscription, every subscription sends its own request, and unsubscribing aborts it.
 *
 * Errors: params that fail their codec → `HistoryError` `invalid_params` (nothing is sent);
 * an HTTP error → `HistoryError` with `status` and upstream's plain-text reason in the message;
 * no answer → `HistoryError` `network`; a body that is not the endpoint's records →
 * `DecodeError` `invalid_response`.
 * @example fetchHistory$({ url, fetch, apiKey, path: '/historical/daily-tweet-volume', params: { ticker: 'AAPL' } })
 */
export function fetchHistory$<P extends HistoricalPath>(
  options: FetchHistoryOptions<P>,
): Observable<HistoricalRecordOf<P>[]>;
export function fetchHistory$<Results, Params>(
  options: FetchCustomHistoryOptions<Results, Params>,
): Observable<Results>;
export function fetchHistory$(
  options: FetchHistoryBase & {
    readonly path: string | CustomEndpoint<unknown, unknown>;
    readonly params: unknown;
  },
): Observable<unknown> {
  return defer(() => {
    const endpoint = options.path;
    const path = isCustomEndpoint(endpoint) ? endpoint.path : endpoint;
    const codecs = isCustomEndpoint(endpoint)
      ? withGuardedResults(endpoint)
      : path.startsWith('/')
        ? endpointCodecsFor(path)
        : undefined;
    if (codecs === undefined) {
      const message = `${path} is not an endpoint in the catalogue (describe others with customEndpoint)`;
      return throwError(() => new HistoryError('invalid_params', message, path));
    }
    const params = codecs.params.decode(options.params);
    if (isLeft(params)) {
      const report = formatValidationErrors(params.left);
      return throwError(
        () => new HistoryError('invalid_params', `Invalid params for ${path}: ${report.join('; ')}`, path),
      );
    }
    const controller = new AbortController();
    const request = get(options, path, toQuery(params.right), codecs.results, controller.signal);
    return from(request).pipe(finalize(() => controller.abort()));
  });
}

const toQuery = (params: unknown): Readonly<Record<string, QueryValue>> =>
  isObject(params) ? (params as Record<string, QueryValue>) : {};

const get = async (
  options: FetchHistoryBase & { readonly params: unknown },
  path: string,
  query: Readonly<Record<string, QueryValue>>,
  results: t.Decoder<unknown, unknown>,
  signal: AbortSignal,
): Promise<unknown> => {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.apiKey !== undefined) headers['authorization'] = basicAuthorization(options.apiKey);
  const slash = path.startsWith('/') ? '' : '/';
  const target = `${trimTrailingSlashes(options.url)}${slash}${path}${buildQuery(query)}`;
  let response: Response;
  let body: string;
  try {
    response = await options.fetch(target, { method: 'GET', headers, signal });
    body = await response.text();
  } catch (cause) {
    throw new HistoryError('network', `GET ${path} failed: ${String(cause)}`, path, undefined, { cause });
  }
  if (!response.ok) throw HistoryError.fromStatus(path, response.status, body);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const preview = body.length > 80 ? `${body.slice(0, 77)}...` : body;
    throw new DecodeError(
      'invalid_response',
      [`response body is not JSON: ${JSON.stringify(preview)}`],
      body,
      path,
      options.params,
    );
  }
  const decoded = results.decode(json);
  if (isLeft(decoded)) {
    throw new DecodeError(
      'invalid_response',
      formatValidationErrors(decoded.left),
      json,
      path,
      options.params,
    );
  }
  return decoded.right;
};
