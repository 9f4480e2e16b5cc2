import { combineLatest, first, merge } from 'rxjs';
import { isDecodeError } from '../../lib/errors/decode-error';
import { AAPL, CROWD, TSLA, VOLUME } from './support';
import { errorOf, harness, logged, next } from '../support/harness';
import { until } from '../support/wait';

describe('routing data events to subscriptions', () => {
  const h = harness();
  afterEach(() => h.cleanUp());

  it('shares one server subscription between two local subscribers of the same (path, params)', async () => {
    const server = await h.start();
    const client = h.client(server);
    const [first$, second$] = [client.subscribe$(CROWD, { ticker: 'AAPL' }), client.subscribe$(CROWD, AAPL)];

    const [[a, b] = []] = await next(combineLatest([first$, second$]).pipe(first()));
    expect(server.stats().subscriptions).toBe(1);
    expect(logged(server, 'subscribe')).toHaveLength(1);
    expect(a?.params).toEqual(AAPL);
    expect(b?.params).toEqual(AAPL);
  });

  it('routes events by params: each subscriber gets its own ticker only', async () => {
    const server = await h.start();
    const client = h.client(server);
    const events = await next(merge(client.subscribe$(VOLUME, AAPL), client.subscribe$(VOLUME, TSLA)), 20);

    const tickers = (params: { ticker?: string }) =>
      events.filter((event) => event.params.ticker === params.ticker).flatMap((event) => event.results);
    expect(tickers(AAPL).length).toBeGreaterThan(0);
    expect(tickers(TSLA).length).toBeGreaterThan(0);
    expect(new Set(tickers(AAPL).map((record) => record.ticker))).toEqual(new Set(['AAPL']));
    expect(new Set(tickers(TSLA).map((record) => record.ticker))).toEqual(new Set(['TSLA']));
    expect(server.stats().subscriptions).toBe(2);
  });

  it('routes events for every ticker (`{}`) apart from one-ticker ones of the same path', async () => {
    const server = await h.start();
    const client = h.client(server);
    const [all, one] = await Promise.all([
      next(client.subscribe$(CROWD)),
      next(client.subscribe$(CROWD, AAPL)),
    ]);

    expect(all[0]?.params).toEqual({});
    expect(all[0]?.results.map((record) => record.ticker)).toEqual(['AAPL', 'TSLA', 'MSFT', 'AMZN', '6E_F']);
    expect(one[0]?.results.map((record) => record.ticker)).toEqual(['AAPL']);
  });

  it('fails only the subscription whose payload does not decode, with a DecodeError', async () => {
    const server = await h.start();
    const client = h.client(server);
    const tsla: unknown[] = [];
    h.track(client.subscribe$(VOLUME, TSLA).subscribe((event) => tsla.push(event)));
    const aapl$ = client.subscribe$(VOLUME, AAPL);
    const failure = errorOf(aapl$);
    await until('both subscribed', () => server.stats().subscriptions === 2);

    server.injectRaw({
      path: VOLUME,
      params: AAPL,
      results: [{ ts: new Date().toISOString(), ticker: 'AAPL', volume: 'abc' }],
      timestamp: new Date().toISOString(),
    });
    const error = await failure;

    expect(isDecodeError(error) && { code: error.code, path: error.path, params: error.params }).toEqual({
      code: 'invalid_payload',
      path: VOLUME,
      params: AAPL,
    });
    expect(String(error)).toContain('volume');
    const seen = tsla.length;
    await until('more TSLA events after the failure', () => tsla.length >= seen + 3, 1_000);
    await until('AAPL unsubscribed', () => server.stats().subscriptions === 1, 1_000);
  });
});
