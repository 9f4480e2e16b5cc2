// Runs this example's MarketProphitService outside a browser, once per platform, against a local
// server, and prints what each did as JSON. Bundled by esbuild and run with the example's Node 22
// (Angular needs it) by the e2e suite (spec/e2e/angular-platform): on 'server' (SSR) it opens nothing.
import '@angular/compiler';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injector, NgZone, PLATFORM_ID, ɵNoopNgZone as NoopNgZone } from '@angular/core';
import { createJwtProxy } from 'marketprophit-rx/node';
import { DEFAULT_API_KEY, startServer } from 'marketprophit-rx/server';
import { Subscription } from 'rxjs';
import { MARKET_PROPHIT_CONFIG, MarketProphitService } from '../src/app/market-prophit';

const OBSERVE_MS = 1_500;

const observe = async (platform: 'server' | 'browser') => {
  const marketProphit = await startServer({ interval: 50 });
  const proxy = createJwtProxy({ apiKey: DEFAULT_API_KEY, url: marketProphit.url });
  const app = createServer((request, response) => void proxy(request, response));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const tokenRoute = `http://127.0.0.1:${(app.address() as AddressInfo).port}/jwt`;

  let connections = 0;
  const counting = marketProphit.events$.subscribe((event) => {
    if (event.type === 'connect') connections += 1;
  });
  const injector = Injector.create({
    providers: [
      { provide: PLATFORM_ID, useValue: platform },
      { provide: NgZone, useValue: new NoopNgZone() },
      { provide: MARKET_PROPHIT_CONFIG, useValue: { url: marketProphit.url, tokenRoute } },
      MarketProphitService,
    ],
  });
  const service = injector.get(MarketProphitService);
  let events = 0;
  const states: string[] = [];
  const streams = new Subscription();
  streams.add(
    service.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' }).subscribe(() => (events += 1)),
  );
  streams.add(service.state$.subscribe((state) => states.push(state)));
  await new Promise((resolve) => setTimeout(resolve, OBSERVE_MS));
  streams.unsubscribe();

  const { tokenRequests } = marketProphit.stats();
  counting.unsubscribe();
  await new Promise((resolve) => app.close(resolve));
  await marketProphit.close();
  return { platform, events, states, tokenRequests, connections };
};

const main = async () => {
  const results = [await observe('server'), await observe('browser')];
  process.stdout.write(`${JSON.stringify(results)}\n`);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
