// Live crowd sentiment from a local Market Prophit-compatible server: no key, no network.
import { take } from 'rxjs';
import { createClient } from 'marketprophit-rx';
import { startServer, DEFAULT_API_KEY } from 'marketprophit-rx/server';

async function main() {
  const server = await startServer(); // a local Market Prophit-compatible server on a random port
  const client = createClient({ url: server.url, apiKey: DEFAULT_API_KEY });

  client
    .subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' })
    .pipe(take(5))
    .subscribe({
      next: ({ results, timestamp }) => {
        for (const { ticker, crowd_sentiment } of results) {
          console.log(timestamp.toISOString(), ticker, crowd_sentiment.toFixed(4));
        }
      },
      error: (error: Error) => console.error(error.name, error.message),
      complete: () => void server.close(),
    });
}

void main();
