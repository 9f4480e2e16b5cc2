import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as t from 'io-ts';
import { lastValueFrom } from 'rxjs';
import { customEndpoint, recordCodec } from '../../lib/endpoints';
import { DecodeError } from '../../lib/errors/decode-error';
import { HistoryError } from '../../lib/errors/history-error';
import { fetchHistory$, type HistoryFetch } from '../../lib/history';
import { delay } from '../support/wait';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Seen {
  readonly url: string;
  readonly method: string;
  readonly headers: IncomingMessage['headers'];
}

const volumeRecords = [
  { ts: '2013-08-11T00:02:00.000Z', ticker: 'AAPL', volume: '1' },
  { ts: '2013-08-11T00:04:00.000Z', ticker: 'AAPL', volume: '2' },
];

describe('fetchHistory$ against a real HTTP server', () => {
  let server: Server;
  let url: string;
  let handler: Handler;
  let seen: Seen[];
  const fetch: HistoryFetch = (input, init) => globalThis.fetch(input, init);

  const reply =
    (status: number, body: string, type = 'application/json'): Handler =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };

  beforeEach(async () => {
    seen = [];
    handler = reply(200, JSON.stringify(volumeRecords));
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers });
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('GETs the path with the query and Basic auth, and decodes the records', async () => {
    const records = await lastValueFrom(
      fetchHistory$({
        url: `${url}/`,
        fetch,
        apiKey: 'sk_test_123',
        headers: { 'x-trace': 'abc' },
        path: '/historical/tweet-volume',
        params: {
          ticker: 'AAPL',
          start_ts: new Date(Date.UTC(2013, 7, 11)),
          end_ts: '2013-08-12T00:00:00.000Z',
        },
      }),
    );
    expect(records).toEqual([
      { ts: new Date('2013-08-11T00:02:00.000Z'), ticker: 'AAPL', volume: 1 },
      { ts: new Date('2013-08-11T00:04:00.000Z'), ticker: 'AAPL', volume: 2 },
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url).toBe(
      '/historical/tweet-volume?ticker=AAPL&start_ts=2013-08-11T00%3A00%3A00.000Z&end_ts=2013-08-12T00%3A00%3A00.000Z',
    );
    expect(seen[0]?.headers.authorization).toBe(`Basic ${Buffer.from('sk_test_123:').toString('base64')}`);
    expect(seen[0]?.headers.accept).toBe('application/json');
    expect(seen[0]?.headers['x-trace']).toBe('abc');
  });

  it('sends no authorization without an apiKey, and no query without params', async () => {
    handler = reply(200, '[]');
    const records = await lastValueFrom(
      fetchHistory$({ url, fetch, path: '/historical/user-scores-last', params: {} }),
    );
    expect(records).toEqual([]);
    expect(seen[0]?.url).toBe('/historical/user-scores-last');
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('is cold: nothing is sent before subscribing, each subscription sends its own request', async () => {
    const history$ = fetchHistory$({
      url,
      fetch,
      path: '/historical/tweet-volume',
      params: { ticker: 'AAPL' },
    });
    await delay(20);
    expect(seen).toHaveLength(0);
    await lastValueFrom(history$);
    await lastValueFrom(history$);
    expect(seen).toHaveLength(2);
  });

  it('turns a 400 with a plain-text body into a HistoryError', async () => {
    handler = reply(
      400,
      'Ticker must not be empty and can have a max of 20 letters and/or numbers',
      'text/plain',
    );
    const error: unknown = await lastValueFrom(
      fetchHistory$({ url, fetch, path: '/historical/tweet-volume', params: { ticker: 'AAPL' } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryError);
    expect(error).toMatchObject({
      name: 'HistoryError',
      code: 'bad_request',
      status: 400,
      path: '/historical/tweet-volume',
      message:
        'GET /historical/tweet-volume failed with HTTP 400: Ticker must not be empty and can have a max of 20 letters and/or numbers',
    });
  });

  it.each<[number, string]>([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [406, 'not_acceptable'],
    [500, 'server_error'],
    [503, 'http'],
  ])('maps HTTP %i to %s', async (status, code) => {
    handler = reply(status, 'nope', 'text/plain');
    const error: unknown = await lastValueFrom(
      fetchHistory$({ url, fetch, path: '/historical/user-scores', params: {} }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'HistoryError', code, status });
  });

  it('turns a body that is not the records into a DecodeError', async () => {
    handler = reply(200, JSON.stringify([{ ...volumeRecords[0], volume: 'abc' }, { ticker: 'AAPL' }]));
    const params = { ticker: 'AAPL' };
    const error: unknown = await lastValueFrom(
      fetchHistory$({ url, fetch, path: '/historical/tweet-volume', params }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({
      name: 'DecodeError',
      code: 'invalid_response',
      path: '/historical/tweet-volume',
      params,
      report: [
        'Invalid value "abc" supplied to 0/volume: IntegerFromString',
        'Invalid value undefined supplied to 1/ts: DateFromIso',
        'Invalid value undefined supplied to 1/volume: IntegerFromString',
      ],
      message:
        'Could not decode /historical/tweet-volume: Invalid value "abc" supplied to 0/volume: IntegerFromString; ' +
        'Invalid value undefined supplied to 1/ts: DateFromIso; Invalid value undefined supplied to 1/volume: IntegerFromString',
    });
  });

  it('turns a body that is not JSON into a DecodeError', async () => {
    handler = reply(200, '<html>maintenance</html>', 'text/html');
    const error: unknown = await lastValueFrom(
      fetchHistory$({ url, fetch, path: '/historical/user-scores', params: {} }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'DecodeError',
      code: 'invalid_response',
      report: ['response body is not JSON: "<html>maintenance</html>"'],
    });
  });

  it('refuses invalid params before sending anything', async () => {
    const error: unknown = await lastValueFrom(
      // @ts-expect-error start_ts is not a param of a daily endpoint
      fetchHistory$({
        url,
        fetch,
        path: '/historical/daily-tweet-volume',
        params: { ticker: 'aapl', start_ts: '2014-01-01' },
      }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'HistoryError',
      code: 'invalid_params',
      path: '/historical/daily-tweet-volume',
    });
    expect((error as Error).message).toBe(
      'Invalid params for /historical/daily-tweet-volume: unknown param "start_ts" (allowed: "ticker", "start_date", "end_date"); ' +
        '"ticker" must be an upper-case ticker of 1-20 letters, digits or "_" (e.g. "AAPL", "6E_F"), got "aapl"',
    );
    expect(seen).toHaveLength(0);
  });

  it('refuses a path outside the catalogue', async () => {
    const error: unknown = await lastValueFrom(
      // @ts-expect-error not a catalogue path
      fetchHistory$({ url, fetch, path: '/historical/nope', params: {} }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'HistoryError',
      code: 'invalid_params',
      message: '/historical/nope is not an endpoint in the catalogue (describe others with customEndpoint)',
    });
    expect(seen).toHaveLength(0);
  });

  it('reports an unreachable server as a network HistoryError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error: unknown = await lastValueFrom(
      fetchHistory$({ url: `http://127.0.0.1:${port}`, fetch, path: '/historical/user-scores', params: {} }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'HistoryError', code: 'network', status: undefined });
    expect((error as Error).cause).toBeDefined();
  });

  it('aborts the request when unsubscribed', async () => {
    const closed = new Promise<void>((resolve) => {
      handler = (req) => req.socket.on('close', () => resolve());
    });
    let signal: AbortSignal | undefined;
    const spyFetch: HistoryFetch = (input, init) => {
      signal = init?.signal ?? undefined;
      return fetch(input, init);
    };
    const next = jest.fn();
    const error = jest.fn();
    const subscription = fetchHistory$({
      url,
      fetch: spyFetch,
      path: '/historical/tweet-volume',
      params: { ticker: 'AAPL' },
    }).subscribe({ next, error });
    await new Promise<void>((resolve) => {
      const wait = (): unknown => (seen.length > 0 ? resolve() : setTimeout(wait, 5));
      wait();
    });
    expect(signal?.aborted).toBe(false);
    subscription.unsubscribe();
    expect(signal?.aborted).toBe(true);
    await closed;
    expect(next).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('fetches a custom endpoint with its own codecs', async () => {
    handler = reply(200, JSON.stringify([{ ts: 0, score: '1.5', ignored: true }]));
    const endpoint = customEndpoint(
      '/historical/new-metric',
      t.array(recordCodec({ ts: { kind: 'timestamp' }, score: { kind: 'decimal' } })),
      t.type({ region: t.string }),
    );
    const records = await lastValueFrom(
      fetchHistory$({ url, fetch, path: endpoint, params: { region: 'EU' } }),
    );
    const first: { ts: Date; score: number } | undefined = records[0];
    expect(first).toEqual({ ts: new Date(0), score: 1.5 });
    expect(seen[0]?.url).toBe('/historical/new-metric?region=EU');
  });

  it('adds the leading slash a custom path may lack', async () => {
    handler = reply(200, '[]');
    const endpoint = customEndpoint('historical/new-metric', t.array(t.unknown));
    expect(await lastValueFrom(fetchHistory$({ url, fetch, path: endpoint, params: {} }))).toEqual([]);
    expect(seen[0]?.url).toBe('/historical/new-metric');
  });
});
