'use strict';
// 4. 100,000 subscribe/unsubscribe cycles on one real socket: heap growth after GC, and the socket's
// listener and pending-ack counts before/after.
const { openClient } = require('./clients.cjs');
const { gc, sleep, tick } = require('./stats.cjs');

const PATH = '/real-time/crowd-sentiment';
const KEEP_ALIVE = { ticker: 'KEEP' };

/** Listeners per event on a socket.io-client Emitter (its `_callbacks` hold `$event` arrays). */
const listenerCounts = (emitter) =>
  Object.fromEntries(
    Object.keys(emitter._callbacks ?? {})
      .map((name) => name.slice(1))
      .map((name) => [name, emitter.listeners(name).length])
      .filter(([, count]) => count > 0),
  );

const snapshot = (socket) => ({
  socket: listenerCounts(socket),
  manager: listenerCounts(socket.io),
  pendingAcks: Object.keys(socket.acks).length,
  sendBuffer: socket.sendBuffer.length,
});

const total = (counts) => Object.values(counts).reduce((sum, count) => sum + count, 0);

module.exports = async ({ server, cycles = 100_000, batch = 1_000, log }) => {
  const ours = await openClient(server.url);
  const { client, socket } = ours;
  const fail = (error) => log(`churn failed: ${error}`);
  // One long-lived subscription, as an app would have: the socket stays, only subscriptions churn.
  const keepAlive = client.subscribe$(PATH, KEEP_ALIVE).subscribe({ error: fail });
  await server.waitFor(socket.id, (stats) => stats.subscriptions === 1);

  /** `count` cycles in batches: `batch` distinct keys subscribed, acks awaited, all unsubscribed. */
  let done = 0;
  const churn = async (count) => {
    const base = await server.stats(socket.id);
    for (let start = 0; start < count; start += batch) {
      const size = Math.min(batch, count - start);
      const subscriptions = [];
      for (let i = 0; i < size; i += 1) {
        subscriptions.push(client.subscribe$(PATH, { ticker: `C${i}` }).subscribe({ error: fail }));
      }
      await tick();
      subscriptions.forEach((subscription) => subscription.unsubscribe());
      done += size;
      if (Object.keys(socket.acks).length > 4 * batch) await sleep(1); // let acks come back
    }
    // Every message has reached the server and every ack is back.
    await server.waitFor(
      socket.id,
      (stats) => stats.unsubscribes - base.unsubscribes === count && stats.subscriptions === 1,
      60_000,
    );
    for (let i = 0; i < 200 && Object.keys(socket.acks).length > 0; i += 1) await sleep(5);
  };

  await churn(5 * batch); // warm-up: JIT, Maps at their working size
  await sleep(100);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const before = snapshot(socket);
  const started = Date.now();
  await churn(cycles);
  const seconds = (Date.now() - started) / 1000;
  await sleep(100); // let pending timers (ack timeouts are cancelled, not left) settle
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const after = snapshot(socket);

  keepAlive.unsubscribe();
  await ours.close();
  return {
    cycles,
    seconds,
    heapGrowthMB: (heapAfter - heapBefore) / 2 ** 20,
    before,
    after,
    listenersBefore: total(before.socket) + total(before.manager),
    listenersAfter: total(after.socket) + total(after.manager),
    done,
  };
};
