// The page: live AAPL crowd sentiment and the connection state. Tokens come from this site's own
// /jwt route (the secret key stays on the server); the socket goes straight to Market Prophit.
import { createClient, proxyToken } from 'marketprophit-rx';
import { filter, map, scan } from 'rxjs';
import { CONFIG_PATH, TOKEN_ROUTE, type PageConfig } from './page-config';
import { renderError, renderReadings, renderState, type Reading } from './render';

const SHOWN = 10;

const loadConfig = async (): Promise<PageConfig> => {
  const response = await fetch(CONFIG_PATH);
  if (!response.ok) throw new Error(`GET ${CONFIG_PATH} answered ${response.status}`);
  return (await response.json()) as PageConfig;
};

const start = ({ url }: PageConfig): void => {
  const client = createClient({ url, token: proxyToken(TOKEN_ROUTE) });

  client.state$.subscribe(renderState);

  client
    .subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' })
    .pipe(
      map(({ results, timestamp }) => {
        const record = results.find(({ ticker }) => ticker === 'AAPL');
        return record && { value: record.crowd_sentiment, timestamp };
      }),
      filter((reading): reading is Reading => reading !== undefined),
      scan(
        ({ readings, count }, reading) => ({
          readings: [reading, ...readings].slice(0, SHOWN),
          count: count + 1,
        }),
        { readings: [] as Reading[], count: 0 },
      ),
    )
    .subscribe({
      next: ({ readings, count }) => renderReadings(readings, count),
      error: renderError,
    });
};

loadConfig().then(start, renderError);
