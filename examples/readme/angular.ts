// docs/angular.md: the providers and signals of marketprophit-rx/angular. Type-checked, not run.
import { computed } from '@angular/core';

// snippet:start setup
// app.config.ts
import { provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideMarketProphit } from 'marketprophit-rx/angular';

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideMarketProphit({ tokenRoute: '/jwt' }), // or () => ({ url: inject(ENV).marketProphitUrl })
  ],
};

// a component
import { injectConnectionStatus, injectLatest } from 'marketprophit-rx/angular';

export class SentimentComponent {
  // A Signal of the latest event (undefined until the first); unsubscribed when the component is destroyed.
  protected readonly aapl = injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' });
  // { state, problem? }: 'connected', or 'reconnecting' / 'failed' with the reason.
  protected readonly status = injectConnectionStatus();
  protected readonly value = computed(() => this.aapl()?.results[0]?.crowd_sentiment);
}
// snippet:end setup
