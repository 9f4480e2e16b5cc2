// How to marble-test your own code built on marketprophit-rx, with the fake server from
// `marketprophit-rx/testing` (used by spec/examples/marble-test.spec.ts).
import { map, type Observable } from 'rxjs';
import { createClient, type MarketProphitClient } from 'marketprophit-rx';

/** Your code: the latest crowd sentiment of a ticker, rounded for display. */
export const sentimentLabel$ = (client: MarketProphitClient, ticker: string): Observable<string> =>
  client
    .subscribe$('/real-time/crowd-sentiment', { ticker })
    .pipe(map(({ results }) => (results[0]?.crowd_sentiment ?? 0).toFixed(2)));

export { createClient };
