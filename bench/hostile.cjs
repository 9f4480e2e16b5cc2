'use strict';
// 6. Hostile input: how long the client blocks the event loop taking one adversarial 1 MB `data`
// payload (bench/hostile-payloads.cjs). Timed synchronously on the client, from engine.io's `packet`
// event (the frame has arrived, nothing is parsed yet) to a `data` listener added after the client's
// own: socket.io-parser's JSON.parse, routing, decoding and the DecodeError (or the unroutable$
// report) all happen in that one synchronous stretch. Beside it, a raw socket.io-client socket with an
// empty handler takes the same frame: the engine's share (JSON.parse) that no client code can avoid.
// Each figure is the median over `reps` runs, the machine's other processes being what they are.
const { firstValueFrom, take, timeout } = require('rxjs');
const { openClient, openRawSocket, rawSubscribe, closeRaw } = require('./clients.cjs');
const { hostilePayloads, PATH } = require('./hostile-payloads.cjs');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const withinTen = (promise) =>
  Promise.race([promise, settle(10_000).then(() => Promise.reject(new Error('no outcome within 10 s')))]);

/**
 * Sends `kind` to `socket` and times its synchronous handling: from the engine's `packet` event to a
 * `data` listener registered last. Resolves once `outcome` has settled too.
 */
const timeFrame = async (server, socket, kind, outcome = Promise.resolve()) => {
  let started = 0;
  let ms = NaN;
  const onPacket = (packet) => {
    if (packet.type === 'message') started = performance.now();
  };
  const onData = () => {
    ms = performance.now() - started;
  };
  socket.io.engine.on('packet', onPacket);
  socket.on('data', onData);
  try {
    await server.hostile({ socketId: socket.id, kind });
    const seen = await withinTen(outcome);
    await withinTen(
      (async () => {
        while (Number.isNaN(ms)) await settle(5);
      })(),
    );
    return { ms, seen };
  } finally {
    socket.io.engine.off('packet', onPacket);
    socket.off('data', onData);
  }
};

/** Ours: one fresh subscription per payload, which the payload fails (or leaves alone, unroutable). */
const oursOnce = async (server, ours, kind) => {
  let failed;
  const done = new Promise((resolve) => {
    failed = resolve;
  });
  const subscription = ours.client
    .subscribe$(PATH, { ticker: 'AAPL' })
    .subscribe({ error: (e) => failed(e) });
  await server.waitFor(ours.socket.id, (stats) => stats.subscriptions === 1);
  const unroutable = firstValueFrom(ours.client.unroutable$.pipe(take(1), timeout(10_000)));
  const outcome = hostilePayloads[kind].outcome === 'error' ? done : unroutable;
  const { ms, seen } = await timeFrame(server, ours.socket, kind, outcome);
  subscription.unsubscribe();
  await server.waitFor(ours.socket.id, (stats) => stats.subscriptions === 0);
  if (seen?.name !== 'DecodeError') throw new Error(`${kind}: expected a DecodeError, got ${seen}`);
  return ms;
};

module.exports = async ({ server, reps = 5, log }) => {
  const ours = await openClient(server.url);
  const raw = await openRawSocket(server.url);
  await rawSubscribe(raw, PATH, { ticker: 'AAPL' });
  const results = {};
  try {
    for (const kind of Object.keys(hostilePayloads)) {
      const oursMs = [];
      const rawMs = [];
      for (let rep = 0; rep < reps; rep += 1) {
        global.gc?.();
        oursMs.push(await oursOnce(server, ours, kind));
        global.gc?.();
        rawMs.push((await timeFrame(server, raw, kind)).ms);
      }
      const { label, json, outcome } = hostilePayloads[kind];
      results[kind] = {
        label,
        bytes: json.length,
        outcome,
        ours: median(oursMs),
        oursMax: Math.max(...oursMs),
        raw: median(rawMs),
        reps,
      };
      const { ours: o, oursMax, raw: r } = results[kind];
      log(`hostile ${kind}: ours ${o.toFixed(1)} ms (max ${oursMax.toFixed(1)}), raw ${r.toFixed(1)} ms`);
    }
  } finally {
    await closeRaw(raw);
    await ours.close();
  }
  return results;
};
