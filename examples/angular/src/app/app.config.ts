import { provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideClientHydration } from '@angular/platform-browser';
import { provideMarketProphit } from 'marketprophit-rx/angular';

/**
 * The app's providers: zoneless (no zone.js in the build) and the Market Prophit client, which gets
 * its tokens from this site's POST /jwt. `url` is where the socket connects: in production usually
 * left out (the real API); here the example server's local Market Prophit server, on a fixed port so
 * that an open page reconnects after a restart without a reload.
 */
export const appConfig = (marketProphitUrl: string): ApplicationConfig => ({
  providers: [
    provideZonelessChangeDetection(),
    // The server render (src/main.server.ts) is kept and brought to life, not thrown away.
    provideClientHydration(),
    provideMarketProphit({ url: marketProphitUrl, tokenRoute: '/jwt' }),
  ],
});
