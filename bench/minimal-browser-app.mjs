// The minimal browser app of the bundle budget (bench/bundle-size.cjs, size-limit in package.json):
// tokens from the page's own route, one subscription, the connection state. Bundled with everything
// it imports (rxjs, socket.io-client, io-ts, fp-ts) into one minified file.
import { createClient, proxyToken } from '../dist/index.mjs';

const client = createClient({ url: location.origin, token: proxyToken('/jwt') });
client.state$.subscribe((state) => {
  document.body.dataset['state'] = state;
});
client.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' }).subscribe({
  next: ({ results }) => {
    document.body.textContent = results
      .map((record) => `${record.ticker} ${record.crowd_sentiment}`)
      .join('\n');
  },
  error: (error) => {
    document.body.textContent = String(error);
  },
});
