'use strict';
// A process of `bench/relay.cjs`: one relay node (RELAY_ROLE=relay, the default), or the upstream local
// server (RELAY_ROLE=upstream), each in its own process so its memory and its timers are its own. Reads
// its setup from the environment; answers 'stats' over the IPC channel.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { startRelay } = require('../dist/relay.cjs');
const { startServer } = require('../dist/server.cjs');

const relayNode = async () => {
  const relay = await startRelay({
    upstream: { url: process.env.RELAY_UPSTREAM, apiKey: 'sk_test_marketprophit' },
    secret: process.env.RELAY_SECRET,
    ...(process.env.RELAY_REDIS ? { redis: process.env.RELAY_REDIS } : {}),
    ...(process.env.RELAY_STANDBY === '1' ? { standby: 1 } : {}),
    authorize: () => true,
    maxCallsPerSecond: 100_000,
  });
  // Event-loop delay since the last reset ('sample' answers without a GC, unlike 'stats').
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const stats = () => {
    global.gc?.();
    const { user, system } = process.cpuUsage();
    const { heapUsed } = process.memoryUsage();
    return { ...relay.stats(), heapUsed, rss: process.memoryUsage.rss(), cpuMs: (user + system) / 1000 };
  };
  // 'sample' with `reset`: a new event-loop window starts.
  const sample = (reset) => {
    const answer = {
      rss: process.memoryUsage.rss(),
      loopP99: loop.percentile(99) / 1e6,
      loopMax: loop.max / 1e6,
    };
    if (reset) loop.reset();
    return answer;
  };
  return { url: relay.url, nodeId: relay.nodeId, stats, sample, close: () => relay.close() };
};

const upstreamServer = async () => {
  const server = await startServer({
    interval: Number(process.env.RELAY_INTERVAL ?? 100),
    logLimit: 10,
    // RELAY_TICKERS=N: the tickers of a subscription without one (params {}), N of them.
    ...(process.env.RELAY_TICKERS
      ? { tickers: Array.from({ length: Number(process.env.RELAY_TICKERS) }, (_, index) => `T${index}`) }
      : {}),
  });
  let sent = 0; // `data` events sent, one per socket, topic and tick
  server.events$.subscribe((entry) => entry.type === 'sent' && (sent += 1));
  return {
    url: server.url,
    nodeId: 'upstream',
    stats: () => ({ ...server.stats(), sent }),
    close: () => server.close(),
  };
};

const main = async () => {
  const node = process.env.RELAY_ROLE === 'upstream' ? await upstreamServer() : await relayNode();
  process.on('message', (message) => {
    if (message === 'stats') process.send({ type: 'stats', ...node.stats() });
    if (message === 'sample' && node.sample) process.send({ type: 'sample', ...node.sample(false) });
    if (message === 'reset' && node.sample) process.send({ type: 'reset', ...node.sample(true) });
  });
  process.on('disconnect', () => void node.close().then(() => process.exit(0)));
  process.send({ type: 'listening', url: node.url, nodeId: node.nodeId });
};

main().catch((error) => {
  process.send?.({ type: 'failed', message: String(error?.stack ?? error) });
  process.exit(1);
});
