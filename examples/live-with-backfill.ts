// Live with backfill: the last hour of history first, then live records, with no gap and no ts twice.
// Run: npm run build && npx tsx examples/live-with-backfill.ts
import { type Observable, concat, connect, filter, from, mergeMap, ReplaySubject, take } from 'rxjs';
import { createClient, type MarketProphitClient } from 'marketprophit-rx';
import { DEFAULT_API_KEY, startServer } from 'marketprophit-rx/server';

/**
 * History, then live. Live is subscribed first and buffered while the history request runs, so nothing
 * published meanwhile is missed; live records not newer than the last historical one are dropped.
 */
export const withBackfill = <R extends { readonly ts: Date }>(
  history$: Observable<readonly R[]>,
  live$: Observable<readonly R[]>,
): Observable<R> =>
  live$.pipe(
    mergeMap((records) => records),
    connect(
      (live) =>
        history$.pipe(
          mergeMap((history) => {
            const newest = Math.max(-Infinity, ...history.map((record) => record.ts.getTime()));
            return concat(from(history), live.pipe(filter((record) => record.ts.getTime() > newest)));
          }),
        ),
      { connector: () => new ReplaySubject<R>() },
    ),
  );

/** Crowd sentiment for a ticker: the last `minutes` of history, then live. */
export const crowdSentimentWithBackfill = (client: MarketProphitClient, ticker: string, minutes: number) =>
  withBackfill(
    client.history$('/historical/crowd-sentiment', {
      ticker,
      start_ts: new Date(Date.now() - minutes * 60_000).toISOString(),
      end_ts: new Date().toISOString(),
    }),
    client.subscribe$('/real-time/crowd-sentiment', { ticker }).pipe(mergeMap(({ results }) => [results])),
  );

async function main() {
  const server = await startServer();
  const client = createClient({ url: server.url, apiKey: DEFAULT_API_KEY });
  crowdSentimentWithBackfill(client, 'AAPL', 10)
    .pipe(take(15))
    .subscribe({
      next: ({ ts, crowd_sentiment }) => console.log(ts.toISOString(), crowd_sentiment.toFixed(4)),
      error: (error: Error) => console.error(error.name, error.message),
      complete: () => void server.close(),
    });
}

if (require.main === module) void main();
