import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as t from 'io-ts';
import { lastValueFrom } from 'rxjs';
import { customEndpoint } from '../../lib/endpoints/custom-endpoint';
import { DecodeError } from '../../lib/errors/decode-error';
import { fetchHistory$, type HistoryFetch } from '../../lib/history';
import { MAX_DEPTH } from '../../lib/util/limits';
import { digitsThenLetter, nestedObjectJson } from './inputs';

/** A custom endpoint's codec that recurses with the data. */
type Tree = number | Tree[] | { [key: string]: Tree };

describe('history$ responses from a hostile upstream, over HTTP on 127.0.0.1', () => {
  let server: Server;
  let url: string;
  let body = '';
  const fetch: HistoryFetch = (input, init) => globalThis.fetch(input, init);

  beforeEach(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const failure = async (request: Promise<unknown>): Promise<DecodeError> => {
    const error = await request.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).code).toBe('invalid_response');
    for (const line of (error as DecodeError).report) expect(line.length).toBeLessThan(300);
    return error as DecodeError;
  };

  const path = '/historical/tweet-volume' as const;
  const params = { ticker: 'AAPL' };

  it('a body nested 30,000 deep is a DecodeError, for the catalogue and for a recursive custom codec', async () => {
    body = nestedObjectJson(30_000);
    await failure(lastValueFrom(fetchHistory$({ url, fetch, path, params })));
    const tree = customEndpoint<Tree>(
      '/historical/tree',
      t.recursion<Tree>('Tree', (self) => t.union([t.number, t.array(self), t.record(t.string, self)])),
    );
    const error = await failure(lastValueFrom(fetchHistory$({ url, fetch, path: tree, params: {} })));
    expect(error.report).toEqual([`results are nested deeper than ${MAX_DEPTH} levels: not decoded`]);
  });

  it('a 40,000-digit count ending in a letter is refused unread', async () => {
    body = JSON.stringify([
      { ts: '2026-01-01T00:00:00.000Z', ticker: 'AAPL', volume: digitsThenLetter(40_000) },
    ]);
    const error = await failure(lastValueFrom(fetchHistory$({ url, fetch, path, params })));
    expect(error.report).toEqual([
      expect.stringContaining(
        'supplied to 0/volume: IntegerFromString (a string of 40001 characters; at most 100 are read)',
      ),
    ]);
  });
});
