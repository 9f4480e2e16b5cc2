/**
 * Type tests for the client's surface, compiled by `tsc -p spec/tsconfig.json --noEmit` (never run).
 * Each `@ts-expect-error` must stay an error, and each `assertType<Equals<…>>` must stay exact.
 * What the errors say (and what a hover shows) is checked by spec/types/messages.spec.ts.
 */
import * as t from 'io-ts';
import { merge, type Observable } from 'rxjs';
import {
  createClient,
  customEndpoint,
  recordListCodec,
  type ClientOptions,
  type DataEvent,
  type HistoricalRecordOf,
  type ParamsOf,
  type RealTimePath,
  type RecordOf,
  type ResultsOf,
  type SubscribeEvent,
  type SubscribeParams,
} from '../../lib';
import type { FakeServer } from '../../lib/testing';

type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

declare const client: ReturnType<typeof createClient>;

/* options: apiKey xor token */
createClient({ apiKey: 'sk_test_marketprophit' });
createClient({ apiKey: process.env.MARKETPROPHIT_API_KEY, url: 'http://127.0.0.1:4000' });
createClient({ token: () => 'a.jwt' });
// @ts-expect-error apiKey and token together
createClient({ apiKey: 'sk_test_marketprophit', token: () => 'a.jwt' });
// @ts-expect-error neither apiKey nor token
createClient({ url: 'http://127.0.0.1:4000' });
// @ts-expect-error neither, even with every other option
createClient({ linger: 0, ackTimeout: 1 });
const fromConfig: ClientOptions = { token: () => 'a.jwt', linger: 0 };
createClient(fromConfig);

/* DataEvent.path is the literal path */
const volume$ = client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' });
const buzz$ = client.subscribe$('/real-time/tweet-buzz');
assertType<
  Equals<
    typeof volume$,
    Observable<
      DataEvent<
        ParamsOf<'/real-time/tweet-volume'>,
        ResultsOf<'/real-time/tweet-volume'>,
        '/real-time/tweet-volume'
      >
    >
  >
>();
merge(volume$, buzz$).subscribe((event) => {
  assertType<Equals<typeof event.path, '/real-time/tweet-volume' | '/real-time/tweet-buzz'>>();
  if (event.path === '/real-time/tweet-volume') {
    assertType<Equals<typeof event.results, ResultsOf<'/real-time/tweet-volume'>>>();
    const volume: number | undefined = event.results[0]?.volume;
    void volume;
  } else {
    assertType<Equals<typeof event.results, ResultsOf<'/real-time/tweet-buzz'>>>();
    // @ts-expect-error narrowed to tweet-buzz: no volume
    void event.results[0]?.volume;
  }
});

/* records are flat object types */
assertType<Equals<RecordOf<'/real-time/tweet-volume'>, { ts: Date; ticker: string; volume: number }>>();
// @ts-expect-error a regressed record type fails the exact check
assertType<Equals<RecordOf<'/real-time/tweet-volume'>, { ts: Date; ticker: string; volume: string }>>();

/* params */
client.subscribe$('/real-time/tweet-volume');
client.subscribe$('/real-time/tweet-volume', {});
client.subscribe$('/real-time/user-sentiment');
client.subscribe$('/real-time/user-sentiment', {});
// @ts-expect-error wrong param name
client.subscribe$('/real-time/tweet-volume', { symbol: 'AAPL' });
// @ts-expect-error ticker is a string
client.subscribe$('/real-time/tweet-volume', { ticker: 1 });
// @ts-expect-error this path takes no params
client.subscribe$('/real-time/user-sentiment', { ticker: 'AAPL' });
// @ts-expect-error a typo'd path
client.subscribe$('/real-time/tweet-volumes', { ticker: 'AAPL' });
// @ts-expect-error a historical path does not stream
client.subscribe$('/historical/tweet-volume', { ticker: 'AAPL' });

/* custom endpoints: params and results typed by their codecs */
const metric = customEndpoint(
  '/real-time/new-metric',
  recordListCodec({ ts: { kind: 'timestamp' }, value: { kind: 'decimal' } }),
  t.type({ region: t.string }),
);
const metric$ = client.subscribe$(metric, { region: 'EU' });
type MetricEvent = DataEvent<{ region: string }, { ts: Date; value: number }[]>;
assertType<Equals<typeof metric$, Observable<MetricEvent>>>();
// @ts-expect-error a custom endpoint's params are its codec's
client.subscribe$(metric, { ticker: 'AAPL' });
// @ts-expect-error and they are required
client.subscribe$(metric);

/* subscribe$ options, after the params: image on join opted out */
client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }, { latest: false });
client.subscribe$('/real-time/user-sentiment', {}, { latest: true });
client.subscribe$('/real-time/user-sentiment', undefined, {});
client.subscribe$(metric, { region: 'EU' }, { latest: false });
assertType<Equals<typeof metric$, ReturnType<typeof client.subscribe$<typeof metric>>>>();
// @ts-expect-error latest is a boolean
client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }, { latest: 'no' });
// @ts-expect-error no such option
client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }, { replay: 1 });

/* history$ */
const daily$ = client.history$('/historical/daily-tweet-volume', {
  ticker: 'AAPL',
  start_date: '08-01-2014',
});
assertType<Equals<typeof daily$, Observable<HistoricalRecordOf<'/historical/daily-tweet-volume'>[]>>>();
client.history$('/historical/user-scores-last', {});
// @ts-expect-error ticker is required
client.history$('/historical/daily-tweet-volume', {});
// @ts-expect-error this path takes no params
client.history$('/historical/user-scores-last', { ticker: 'AAPL' });
// @ts-expect-error a typo'd path
client.history$('/historical/daily-tweet-volum', { ticker: 'AAPL' });
const metricHistory$: Observable<{ ts: Date; value: number }[]> = client.history$(metric, { region: 'EU' });

/* a generic wrapper passes the same types on */
const wrap = <P extends RealTimePath>(
  path: P,
  ...params: SubscribeParams<P>
): Observable<SubscribeEvent<P>> => client.subscribe$(path, ...params);
assertType<Equals<ReturnType<typeof wrap<'/real-time/tweet-buzz'>>, typeof buzz$>>();
wrap('/real-time/tweet-volume', { ticker: 'AAPL' });
wrap('/real-time/tweet-volume', { ticker: 'AAPL' }, { latest: false }); // and the options
// @ts-expect-error the wrapper keeps the params check
wrap('/real-time/tweet-volume', { symbol: 'AAPL' });

export const used = [metricHistory$, metric$, daily$];

/* the testing kit's publish is typed by path */
declare const server: FakeServer;
server.publish('/real-time/tweet-volume', { ticker: 'AAPL' }, [
  { ts: new Date(), ticker: 'AAPL', volume: 1 },
]);
server.publish('/real-time/user-sentiment', {}, []);
// @ts-expect-error a typo'd path
server.publish('/real-time/tweet-volumes', { ticker: 'AAPL' }, []);
const encoded = { ts: '2026-11-25T10:00:00Z', ticker: 'AAPL', volume: '1' };
// @ts-expect-error records are decoded records, not the wire form
server.publish('/real-time/tweet-volume', {}, [encoded]);
// @ts-expect-error params are the path's
server.publish('/real-time/tweet-volume', { symbol: 'AAPL' }, []);
server.publishEncoded('/real-time/tweet-volume', { ticker: 'AAPL' }, [{ volume: 'abc' }]);
