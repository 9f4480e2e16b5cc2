import { historicalSpecs, type HistoricalPath } from '../endpoints/historical-specs';
import { historicalParamCodecs, type HistoricalParamName } from '../endpoints/param-codecs';
import { formatValidationErrors } from '../codecs/report';
import { basicAuthUser } from './basic-auth';
import { historicalWindow } from './historical-window';
import type { HistoricalRoute } from '../front/http-handler';
import { sendJson, sendText } from '../util/http-reply';
import { createRecordGenerator } from './record-generator';
import type { GeneratedRecord } from './server-log';
import { isTicker, TICKER_MESSAGE } from '../endpoints/ticker';
import type { TokenAuthority } from '../front/token-authority';

export interface HistoricalRouteDeps {
  readonly authority: TokenAuthority;
  readonly seed: number;
  readonly tickers: readonly string[];
  readonly clock: () => number;
}

/** Records in a snapshot answer (`user-scores`, `*-specific-user-*` without a range). */
const SNAPSHOT_SIZE = 10;

const isHistoricalPath = (path: string): path is HistoricalPath => Object.hasOwn(historicalSpecs, path);
const isParamName = (name: string): name is HistoricalParamName => Object.hasOwn(historicalParamCodecs, name);

/** Every param checked by its codec (the ticker by upstream's rule and message); the first problem wins. */
const checkParams = (
  query: URLSearchParams,
  required: readonly string[],
  optional: readonly string[],
): Record<string, string> | string => {
  const params: Record<string, string> = {};
  for (const [name, value] of query) {
    if (!required.includes(name) && !optional.includes(name)) return `Unknown parameter: ${name}`;
    if (name === 'ticker') {
      if (!isTicker(value)) return TICKER_MESSAGE;
    } else if (isParamName(name)) {
      const codec = historicalParamCodecs[name];
      // A context naming the param, so the message says which one is wrong.
      const decoded = codec.validate(value, [{ key: name, type: codec, actual: value }]);
      if (decoded._tag === 'Left') return formatValidationErrors(decoded.left).join('; ');
    }
    params[name] ??= value;
  }
  const missing = required.find((name) => params[name] === undefined);
  return missing === undefined ? params : `Missing required parameter: ${missing}`;
};

/**
 * `GET /historical/<name>?…` with Basic auth: a bare JSON array of records generated from the
 * catalogue's fields over the requested range; errors are plain text with the status, like upstream.
 * The same query on the same seed gives the same records.
 */
export const createHistoricalRoute =
  ({ authority, seed, tickers, clock }: HistoricalRouteDeps): HistoricalRoute =>
  (request, response, url) => {
    const apiKey = basicAuthUser(request.headers.authorization);
    const keyId = apiKey === undefined ? undefined : authority.keyIdOf(apiKey);
    if (keyId === undefined) return sendText(response, 401, 'Invalid API key provided');
    const path = url.pathname;
    if (!isHistoricalPath(path)) return sendText(response, 404, `Unknown endpoint: ${path}`);
    const allowed = authority.pathsOf(keyId);
    if (allowed !== undefined && !allowed.includes(path)) {
      return sendText(response, 403, `This API key may not use ${path} (restricted endpoint)`);
    }
    const spec = historicalSpecs[path];
    const { required, optional }: { required: readonly string[]; optional: readonly string[] } = spec.params;
    const params = checkParams(url.searchParams, required, optional);
    if (typeof params === 'string') return sendText(response, 400, params);
    const window = historicalWindow(
      spec.range,
      optional.includes('start_ts'),
      params,
      clock(),
      SNAPSHOT_SIZE,
    );
    if (typeof window === 'string') return sendText(response, 400, window);

    const generator = createRecordGenerator(seed, tickers);
    // Fields the query pins (user_id, sector, ticker) echo it, as a filter would.
    const pinned = Object.keys(spec.fields).filter((name) => name !== 'ts' && params[name] !== undefined);
    const records = window.times.map((time, index): GeneratedRecord => {
      const ticker = params['ticker'] ?? tickers[index % tickers.length] ?? 'AAPL';
      const stream = spec.range === 'none' ? `${path}#${index}` : path;
      const record = { ...generator.next(stream, spec.fields, ticker, time) };
      for (const name of pinned) record[name] = params[name] ?? null;
      return record;
    });
    sendJson(response, 200, records);
  };
