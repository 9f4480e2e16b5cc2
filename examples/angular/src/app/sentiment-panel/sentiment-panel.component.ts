import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter, map, scan } from 'rxjs';
import { MarketProphitService } from '../market-prophit';
import { SentimentChartComponent } from '../sentiment-chart/sentiment-chart.component';

/** Live crowd sentiment of one ticker: the last `size` readings as a chart. */
@Component({
  selector: 'app-sentiment-panel',
  imports: [SentimentChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-sentiment-chart [values]="values()" [label]="ticker() + ' crowd sentiment'" />
    @if (error(); as message) {
      <p role="alert" class="error">{{ message }}</p>
    }
  `,
  styles: `
    .error {
      color: #b00020;
    }
  `,
})
export class SentimentPanelComponent implements OnInit {
  readonly ticker = input('AAPL');
  readonly size = input(60);

  protected readonly values = signal<readonly number[]>([]);
  protected readonly error = signal<string | undefined>(undefined);

  private readonly marketProphit = inject(MarketProphitService);
  private readonly destroyRef = inject(DestroyRef);

  // Inputs are set by now; leaving the page unsubscribes, and the client closes the socket when no
  // one listens any more.
  ngOnInit(): void {
    const ticker = this.ticker();
    this.marketProphit
      .subscribe$('/real-time/crowd-sentiment', { ticker })
      .pipe(
        map(({ results }) => results.find((record) => record.ticker === ticker)?.crowd_sentiment),
        filter((value): value is number => value !== undefined),
        scan((recent: readonly number[], value) => [...recent, value].slice(-this.size()), []),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (values) => this.values.set(values),
        error: (error: unknown) =>
          this.error.set(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
      });
  }
}
