// An ES module (it uses top-level await): name it .mjs/.mts or set "type": "module". In CommonJS, put
// the body in an async function.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { fromEvent, takeUntil } from 'rxjs';
import { createClient } from 'marketprophit-rx';
import { ndjsonStringify, toReadable } from 'marketprophit-rx/node';

const client = createClient({ apiKey: process.env.MARKETPROPHIT_API_KEY });
const events$ = client
  .subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' })
  // Ctrl-C completes the stream: the pipeline ends and resolves, the client unsubscribes.
  .pipe(takeUntil(fromEvent(process, 'SIGINT')));

await pipeline(
  // Holds at most 1000 events for a slow disk, then drops the oldest.
  // The default fails instead, with ERR_MARKETPROPHIT_OVERFLOW.
  toReadable(events$, { overflow: 'drop-oldest' }),
  ndjsonStringify(), // one JSON line per event, dates as ISO strings
  createWriteStream('aapl.ndjson'),
);
console.log('Stopped: aapl.ndjson is complete');
