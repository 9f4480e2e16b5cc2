'use strict';
// 8. Late joiner (client), issue 21: a second local subscriber of a (path, params) the client already
// streams, on a local server publishing every 2 s. With the image on join (the default) its first event
// is the latest one, given synchronously on subscribe; with `{ latest: false }` it waits for the next
// push, as every subscriber did before. Each joiner subscribes at a random moment between two pushes.
// Its own server (`startServer` from dist, in this process): the bench server pushes only on command.
const { performance } = require('node:perf_hooks');
const { createClient } = require('../dist/index.cjs');
const { startServer, DEFAULT_API_KEY } = require('../dist/server.cjs');

const PATH = '/real-time/crowd-sentiment';
const PARAMS = { ticker: 'AAPL' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds from subscribing to the first event, and whether that event is the latest one seen. */
const join = (client, options, latest) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    let subscription;
    let done = false;
    const bound = setTimeout(() => reject(new Error('late joiner: no event within 10 s')), 10_000);
    subscription = client.subscribe$(PATH, PARAMS, options).subscribe({
      next: (event) => {
        if (done) return;
        done = true;
        clearTimeout(bound);
        resolve({ ms: performance.now() - started, latest: event === latest() });
        subscription?.unsubscribe();
      },
      error: reject,
    });
    if (done) subscription.unsubscribe();
  });

const run = async ({ joiners = 5, interval = 2_000, log }) => {
  const server = await startServer({ port: 0, interval, logLimit: 100 });
  const client = createClient({ url: server.url, apiKey: DEFAULT_API_KEY, linger: 20 });
  let latest;
  const first = client.subscribe$(PATH, PARAMS).subscribe((event) => (latest = event));
  try {
    while (latest === undefined) await sleep(20);
    const measure = async (options) => {
      const samples = [];
      for (let i = 0; i < joiners; i += 1) {
        await sleep(Math.random() * interval);
        samples.push(await join(client, options, () => latest));
      }
      return samples;
    };
    const image = await measure(undefined);
    const waiting = await measure({ latest: false });
    log(
      `late joiner: image ${image.map((s) => s.ms.toFixed(2)).join(', ')} ms; waiting ${waiting.map((s) => s.ms.toFixed(0)).join(', ')} ms`,
    );
    return {
      joiners,
      interval,
      imageMedian: median(image.map((s) => s.ms)),
      imageMax: Math.max(...image.map((s) => s.ms)),
      imageLatest: image.every((s) => s.latest),
      waitingMedian: median(waiting.map((s) => s.ms)),
      waitingMax: Math.max(...waiting.map((s) => s.ms)),
    };
  } finally {
    first.unsubscribe();
    client.close();
    await server.close();
  }
};

/** The report's row for `run`'s result. */
const row = (r) => [
  `8. late joiner (client): a second local subscriber of a (path, params) already streaming, upstream a local server pushing every ${(r.interval / 1000).toFixed(0)} s, × ${r.joiners} at random moments`,
  `first event after ${r.imageMedian.toFixed(2)} ms median (max ${r.imageMax.toFixed(2)} ms), ${r.imageLatest ? 'the latest event, the same object' : '**not always the latest event**'}`,
  `\`{ latest: false }\` (waits for the next push, as before): median ${r.waitingMedian.toFixed(0)} ms, max ${r.waitingMax.toFixed(0)} ms`,
  `${r.imageMax.toFixed(2)} ms max`,
  '≤ 50 ms',
  r.imageMax <= 50 && r.imageLatest ? 'yes' : '**no**',
];

module.exports = { run, row };
