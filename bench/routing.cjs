'use strict';
// 2. One socket with 1,000 distinct subscriptions vs 1: events/s with data spread over 1000 keys vs 1.
const { openClient } = require('./clients.cjs');
const { createMeter, alternate } = require('./measure.cjs');

const PATH = '/real-time/crowd-sentiment';
const ticker = (i) => `T${String(i).padStart(4, '0')}`;

/** A client subscribed to `keys` tickers of PATH, every delivery counted by one meter. */
const subscribedClient = async (server, keys, log) => {
  const ours = await openClient(server.url);
  const meter = createMeter();
  const subscriptions = [];
  for (let i = 0; i < keys; i += 1) {
    subscriptions.push(
      ours.client.subscribe$(PATH, { ticker: ticker(i) }).subscribe({
        next: () => meter.hit(),
        error: (error) => log(`${keys} keys failed: ${error}`),
      }),
    );
  }
  await server.waitFor(ours.socket.id, (stats) => stats.subscriptions === keys);
  return {
    ours,
    meter,
    close: async () => {
      subscriptions.forEach((subscription) => subscription.unsubscribe());
      await ours.close();
    },
  };
};

module.exports = async ({ server, n = 200_000, reps = 5, keys = 1_000, log }) => {
  const one = await subscribedClient(server, 1, log);
  const many = await subscribedClient(server, keys, log);
  const { results } = await alternate(
    server,
    [
      { name: 'one', socketId: one.ours.socket.id, meter: one.meter },
      { name: 'many', socketId: many.ours.socket.id, meter: many.meter },
    ],
    { n, reps, path: PATH, log },
  );
  await one.close();
  await many.close();
  return {
    n,
    reps,
    keys,
    one: results.one,
    many: results.many,
    ratio: results.many.median / results.one.median,
  };
};
