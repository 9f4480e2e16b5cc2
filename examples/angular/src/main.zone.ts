// The same app with zone.js, for the e2e suite's zone check only (0 tasks in Angular's zone from
// socket traffic). Not part of `ng build`: server/build-bundles.mjs bundles it (just in time
// compiled) into dist/sentiment/browser/zone/, served at /zone/index.html.
import 'zone.js';
import '@angular/compiler';
import { provideZoneChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { provideMarketProphit } from 'marketprophit-rx/angular';
import { AppComponent } from './app/app.component';

fetch('/config.json')
  .then((response) => response.json() as Promise<{ url: string }>)
  .then(({ url }) =>
    bootstrapApplication(AppComponent, {
      providers: [
        provideZoneChangeDetection({ eventCoalescing: true }),
        provideMarketProphit({ url, tokenRoute: '/jwt' }),
      ],
    }),
  )
  .catch((error: unknown) => console.error(error));
