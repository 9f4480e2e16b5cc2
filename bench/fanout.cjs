'use strict';
// 3. 10,000 local subscribers of one (path, params): how often the results codec runs per event, and
// how many subscriptions the server holds.
const t = require('io-ts');
const { customEndpoint, realTimeEndpoints } = require('../dist/index.cjs');
const { openClient } = require('./clients.cjs');
const { createMeter, runBurst } = require('./measure.cjs');

const PATH = '/real-time/crowd-sentiment';

/** The catalogue's codec for PATH, counting its `validate` calls. */
const countingEndpoint = () => {
  const { results, params } = realTimeEndpoints[PATH];
  const counter = { validate: 0 };
  const counted = new t.Type(
    results.name,
    results.is,
    (input, context) => {
      counter.validate += 1;
      return results.validate(input, context);
    },
    results.encode,
  );
  return { endpoint: customEndpoint(PATH, counted, params), counter };
};

module.exports = async ({ server, subscribers = 10_000, n = 1_000, log }) => {
  const { endpoint, counter } = countingEndpoint();
  const { subscribes: subscribesBefore } = await server.stats();
  const ours = await openClient(server.url);
  const meter = createMeter(); // counts events, on the first subscriber only
  let deliveries = 0;
  const subscriptions = [];
  for (let i = 0; i < subscribers; i += 1) {
    subscriptions.push(
      ours.client.subscribe$(endpoint, {}).subscribe({
        next: i === 0 ? () => ((deliveries += 1), meter.hit()) : () => (deliveries += 1),
        error: (error) => log(`fan-out failed: ${error}`),
      }),
    );
  }
  await server.waitFor(ours.socket.id, (stats) => stats.subscriptions >= 1);
  await new Promise((resolve) => setTimeout(resolve, 50)); // a second `subscribe` would show by now
  const before = await server.stats(ours.socket.id);
  counter.validate = 0;
  const timing = await runBurst(server, { socketId: ours.socket.id, meter }, n, PATH);
  const decodesPerEvent = counter.validate / n;
  subscriptions.forEach((subscription) => subscription.unsubscribe());
  await ours.close();
  return {
    subscribers,
    n,
    decodesPerEvent,
    deliveries,
    expectedDeliveries: subscribers * n,
    serverSubscriptions: before.subscriptions,
    subscribeMessages: before.subscribes - subscribesBefore,
    eventsPerSecond: timing.rate,
  };
};
