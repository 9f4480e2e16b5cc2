// README "API": how the literal path types params and results. Type-checked, not run.
import { merge } from 'rxjs';
import { createClient } from 'marketprophit-rx';

const client = createClient({ token: () => 'a.jwt' });

// snippet:start typed-paths
client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }); // results: { ts: Date; ticker: string; volume: number }[]
client.subscribe$('/real-time/user-sentiment'); // every ticker; this path takes no params
// @ts-expect-error: 'symbol' does not exist in type '{ ticker?: string }'
client.subscribe$('/real-time/tweet-volume', { symbol: 'AAPL' });

// event.path is the literal path, so merged streams narrow on it
merge(
  client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }),
  client.subscribe$('/real-time/tweet-buzz', { ticker: 'AAPL' }),
).subscribe((event) => {
  if (event.path === '/real-time/tweet-volume') console.log(event.results[0]?.volume);
  else console.log(event.results[0]?.buzz);
});
// snippet:end typed-paths
