import { provideZoneChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideMarketProphit } from './market-prophit';

/** The app's providers, given the Market Prophit url (in production, usually the default). */
export const appConfig = (marketProphitUrl: string): ApplicationConfig => ({
  providers: [
    provideZoneChangeDetection({ eventCoalescing: true }),
    provideMarketProphit({ url: marketProphitUrl, tokenRoute: '/jwt' }),
  ],
});
