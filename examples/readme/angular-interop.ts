// docs/angular.md: Angular's own rxjs interop over the client. Type-checked, not run.
import { signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { map, scan } from 'rxjs';
import { injectMarketProphit } from 'marketprophit-rx/angular';
import { fetchHistory$ } from 'marketprophit-rx/history';

// snippet:start interop
export class TickerHistory {
  private readonly client = injectMarketProphit();
  // any pipeline as a signal
  readonly recent = toSignal(
    this.client.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' }).pipe(
      map(({ results }) => results[0]?.crowd_sentiment ?? 0),
      scan((recent: number[], value) => [...recent, value].slice(-120), []),
    ),
    { initialValue: [] },
  );
  // history of the selected ticker, reloaded when it changes (in a browser, through a route of yours)
  readonly ticker = signal('AAPL');
  readonly daily = rxResource({
    params: () => ({ ticker: this.ticker() }),
    stream: ({ params }) =>
      fetchHistory$({ url: '/market-prophit', fetch, path: '/historical/daily-tweet-volume', params }),
  });
}
// snippet:end interop
