// Live crowd sentiment for AAPL into an NDJSON file, through Node streams with backpressure, stopping
// cleanly after `count` events or when the signal aborts (Ctrl-C when run from a terminal).
// Run: npx tsx examples/node-pipeline.ts [file=crowd-sentiment.ndjson] [count=20]
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { filter, firstValueFrom, take, timeout } from 'rxjs';
import { createClient } from '../lib/client/create-client';
import { ndjsonStringify, toReadable } from '../lib/node';
import { DEFAULT_API_KEY, startServer } from '../lib/server';

export interface PipelineOptions {
  /** The NDJSON file to write (replaced if it exists). */
  readonly file: string;
  /** How many `data` events to write; `Infinity` runs until `signal` aborts. */
  readonly count?: number;
  /** Stops the pipeline early; `main` then resolves with `{ aborted: true }`. */
  readonly signal?: AbortSignal;
  /** How often the local server publishes, in ms. */
  readonly interval?: number;
}

export const main = async ({
  file,
  count = 20,
  signal,
  interval = 250,
}: PipelineOptions): Promise<{ aborted: boolean }> => {
  // In production: createClient({ apiKey: process.env.MARKETPROPHIT_API_KEY }) and no local server.
  const server = await startServer({ interval });
  try {
    const client = createClient({ url: server.url, apiKey: DEFAULT_API_KEY, linger: 0 });
    const events$ = client.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' }).pipe(take(count));
    let aborted = false;
    try {
      await pipeline(
        toReadable(events$, { highWaterMark: 1000, overflow: 'drop-oldest' }),
        ndjsonStringify(),
        createWriteStream(file),
        { signal },
      );
    } catch (error) {
      if (signal?.aborted !== true) throw error;
      aborted = true;
    }
    // The pipeline unsubscribed; let the client close its socket before the server goes away.
    await firstValueFrom(
      client.state$.pipe(
        filter((state) => state === 'idle' || state === 'failed'),
        timeout(5_000),
      ),
    );
    return { aborted };
  } finally {
    await server.close();
  }
};

if (require.main === module) {
  const [file = 'crowd-sentiment.ndjson', count = '20'] = process.argv.slice(2);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  main({ file, count: Number(count), signal: controller.signal }).then(
    ({ aborted }) => console.log(`${aborted ? 'Stopped' : 'Done'}: see ${file}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
