'use strict';
// One relay node for `bench/relay.cjs`, in its own process so its memory is its own. Reads its setup
// from the environment; answers 'stats' (with heap and RSS after a GC) over the IPC channel.
const { startRelay } = require('../dist/relay.cjs');

const main = async () => {
  const relay = await startRelay({
    upstream: { url: process.env.RELAY_UPSTREAM, apiKey: 'sk_test_marketprophit' },
    secret: process.env.RELAY_SECRET,
    ...(process.env.RELAY_REDIS ? { redis: process.env.RELAY_REDIS } : {}),
    authorize: () => true,
    maxCallsPerSecond: 100_000,
  });
  process.on('message', (message) => {
    if (message !== 'stats') return;
    global.gc?.();
    const { heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send({
      type: 'stats',
      ...relay.stats(),
      heapUsed,
      rss: process.memoryUsage.rss(),
      cpuMs: (user + system) / 1000,
    });
  });
  process.on('disconnect', () => void relay.close().then(() => process.exit(0)));
  process.send({ type: 'listening', url: relay.url, nodeId: relay.nodeId });
};

main().catch((error) => {
  process.send?.({ type: 'failed', message: String(error?.stack ?? error) });
  process.exit(1);
});
