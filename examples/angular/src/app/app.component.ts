import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ConnectionBadgeComponent } from './connection-badge/connection-badge.component';
import { MarketProphitService } from './market-prophit';
import { SentimentPanelComponent } from './sentiment-panel/sentiment-panel.component';

@Component({
  selector: 'app-root',
  imports: [AsyncPipe, ConnectionBadgeComponent, SentimentPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Live crowd sentiment</h1>
    <p>Connection: <app-connection-badge [state]="(state$ | async) ?? 'idle'" /></p>
    <app-sentiment-panel ticker="AAPL" />
  `,
})
export class AppComponent {
  protected readonly state$ = inject(MarketProphitService).state$;
}
