// snippet:start proxy
// browser: tokens come from your own route (createJwtProxy on your server), never from the key
import { createClient, proxyToken } from 'marketprophit-rx';

const client = createClient({ token: proxyToken('/jwt') }); // POSTs to your route, cookies included
// snippet:end proxy

// snippet:start page
const badge = document.querySelector<HTMLElement>('#state');
const list = document.querySelector<HTMLElement>('#sentiment');

client.state$.subscribe((state) => {
  if (badge) badge.textContent = state; // 'authenticating' → 'connecting' → 'connected'
});
client.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' }).subscribe(({ results }) => {
  for (const { ticker, crowd_sentiment } of results) {
    if (list) list.textContent = `${ticker} ${crowd_sentiment.toFixed(4)}`;
  }
});
// snippet:end page
