import { firstValueFrom } from 'rxjs';
import { createClient } from '../../lib/client/create-client';
import { DEFAULT_API_KEY, startServer, type LocalServer } from '../../lib/server';

describe('client.history$ against the local server', () => {
  let server: LocalServer;

  beforeAll(async () => {
    server = await startServer({ port: 0, seed: 7 });
  });
  afterAll(() => server.close());

  it('fetches and decodes records over the range, with the key as Basic auth', async () => {
    const client = createClient({ url: server.url, apiKey: DEFAULT_API_KEY });
    const records = await firstValueFrom(
      client.history$('/historical/daily-tweet-volume', {
        ticker: 'AAPL',
        start_date: '11-02-2026',
        end_date: '11-06-2026',
      }),
    );
    expect(records.map((record) => record.ts.toISOString().slice(0, 10))).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
    ]);
    expect(records.every((record) => record.ticker === 'AAPL' && Number.isInteger(record.volume))).toBe(true);
    expect(server.stats().tokenRequests).toBe(0);
  });

  it('sends no key when the client has none, and maps the 401 to a HistoryError', async () => {
    const client = createClient({ url: server.url, token: () => 'unused' });
    await expect(
      firstValueFrom(client.history$('/historical/daily-tweet-volume', { ticker: 'AAPL' })),
    ).rejects.toMatchObject({ name: 'HistoryError', code: 'unauthorized', status: 401 });
  });
});
