'use strict';
// 6. The relay: one node serving 2,000 downstream sockets over 20 topics from an upstream local server
// (upstream subscriptions, delivered events per second, memory per downstream socket), and the
// cluster's failover time over 10 SIGKILLs of a topic's owner (2 nodes + redis-server).
const { fork, spawn, spawnSync } = require('node:child_process');
const { createServer } = require('node:net');
const path = require('node:path');
const { io } = require('socket.io-client');

const PATH = '/real-time/crowd-sentiment';
const TICKERS = Array.from({ length: 20 }, (_, index) => `T${index}`);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `type` to a bench process and resolves with its answer of that type. */
const ask = (child, type) =>
  new Promise((done) => {
    const listener = (reply) => {
      if (reply.type !== type) return;
      child.off('message', listener);
      done(reply);
    };
    child.on('message', listener);
    child.send(type);
  });

const forkRelay = (env) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'relay-process.cjs'), [], {
      execArgv: ['--expose-gc'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const timer = setTimeout(
      () => (child.kill('SIGKILL'), reject(new Error('relay not up in 15 s'))),
      15_000,
    );
    child.on('message', (message) => {
      if (message.type === 'failed') (clearTimeout(timer), reject(new Error(message.message)));
      if (message.type !== 'listening') return;
      clearTimeout(timer);
      const exited = new Promise((done) => child.once('exit', done));
      resolve({
        ...message,
        child,
        stats: () => ask(child, 'stats'),
        sample: () => ask(child, 'sample'),
        reset: () => ask(child, 'reset'),
        kill: () => (child.kill('SIGKILL'), exited),
        stop: () => (child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'), exited),
      });
    });
  });

const token = async (url) => (await (await fetch(`${url}/jwt`, { method: 'POST' })).json()).token;

const openSocket = (url, token, ticker, onData) =>
  new Promise((resolve, reject) => {
    const socket = io(url, {
      query: { token },
      forceNew: true,
      transports: ['websocket'],
      reconnection: false,
    });
    socket.on('data', onData);
    socket.once('connect_error', reject);
    socket.once('connect', () =>
      socket.emit('subscribe', { path: PATH, params: { ticker } }, (error) =>
        error == null ? resolve(socket) : reject(new Error(error)),
      ),
    );
  });

/** `count` sockets, each subscribed to one of TICKERS in turn, opened 100 at a time. */
const openReaders = async (url, relayToken, count, onData) => {
  const open = [];
  for (let index = 0; index < count; index += 100) {
    const batch = Array.from({ length: Math.min(100, count - index) }, (_, offset) =>
      openSocket(url, relayToken, TICKERS[(index + offset) % TICKERS.length], onData),
    );
    open.push(...(await Promise.all(batch)));
  }
  return open;
};

const singleNode = async ({ sockets, seconds, interval, log }) => {
  const upstream = await forkRelay({ RELAY_ROLE: 'upstream', RELAY_INTERVAL: String(interval) });
  const relay = await forkRelay({
    RELAY_UPSTREAM: upstream.url,
    RELAY_SECRET: 'bench-secret-bench-secret-bench-secret',
  });
  const open = [];
  try {
    await delay(300);
    const before = await relay.stats();
    const relayToken = await token(relay.url);
    let delivered = 0;
    const onData = () => (delivered += 1);
    open.push(...(await openReaders(relay.url, relayToken, sockets, onData)));
    log(`relay: ${open.length} sockets subscribed`);
    await delay(1000);
    const { sent: sentBefore } = await upstream.stats();
    delivered = 0;
    const started = Date.now();
    const relayCpuBefore = (await relay.stats()).cpuMs;
    const benchCpuBefore = process.cpuUsage();
    await delay(seconds * 1000);
    const elapsed = Date.now() - started;
    const eventsPerSecond = delivered / (elapsed / 1000);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    // Upstream `data` events to the relay during the window, one per topic and tick.
    const published = (await upstream.stats()).sent - sentBefore;
    const after = await relay.stats();
    return {
      sockets: after.sockets,
      topics: after.topics,
      upstreamSubscriptions: (await upstream.stats()).subscriptions,
      eventsPerSecond,
      nominalPerSecond: (sockets * 1000) / interval,
      // What upstream really published during the window, times the sockets of each topic.
      expectedPerSecond: (published * (sockets / TICKERS.length)) / (elapsed / 1000),
      heapPerSocket: (after.heapUsed - before.heapUsed) / sockets,
      rssPerSocket: (after.rss - before.rss) / sockets,
      // Share of one core used while measuring: by the relay, and by this process's 2,000 clients.
      relayCpu: (after.cpuMs - relayCpuBefore) / elapsed,
      clientsCpu: (benchCpu.user + benchCpu.system) / 1000 / elapsed,
    };
  } finally {
    for (const socket of open) socket.disconnect();
    await relay.stop();
    await upstream.stop();
  }
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** A redis-server of the bench's own (same as spec/support/redis-server.ts, for plain Node). */
const startRedis = async () => {
  const port = await freePort();
  const child = spawn('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => (child.kill('SIGKILL'), reject(new Error('redis-server not ready'))),
      10_000,
    );
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) (clearTimeout(timer), resolve());
    });
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => (child.kill('SIGTERM'), exited) };
};

const failover = async ({ kills, interval, log }) => {
  if (spawnSync('redis-server', ['--version']).status !== 0) return { skipped: 'redis-server not installed' };
  const redis = await startRedis();
  const upstream = await forkRelay({ RELAY_ROLE: 'upstream', RELAY_INTERVAL: String(interval) });
  const env = {
    RELAY_UPSTREAM: upstream.url,
    RELAY_SECRET: 'bench-secret-bench-secret-bench-secret',
    RELAY_REDIS: redis.url,
  };
  const nodes = await Promise.all([forkRelay(env), forkRelay(env)]);
  const times = [];
  const sockets = [];
  try {
    for (let kill = 0; kill < kills; kill += 1) {
      // A client on each node; the lease holder is whichever subscribed upstream first.
      const arrivals = nodes.map(() => []);
      for (const [index, node] of nodes.entries()) {
        sockets.push(
          await openSocket(node.url, await token(node.url), 'AAPL', () => arrivals[index].push(Date.now())),
        );
      }
      await delay(500);
      const holders = await Promise.all(nodes.map((node) => node.stats()));
      const victim = holders.findIndex((stats) => stats.upstreamSubscriptions > 0);
      const survivor = 1 - victim;
      const killedAt = Date.now();
      await nodes[victim].kill();
      while (!arrivals[survivor].some((at) => at > killedAt + interval)) {
        if (Date.now() - killedAt > 20_000) throw new Error('no failover within 20 s');
        await delay(10);
      }
      times.push(arrivals[survivor].find((at) => at > killedAt + interval) - killedAt);
      log(`relay failover ${kill + 1}/${kills}: ${times.at(-1)} ms`);
      for (const socket of sockets.splice(0)) socket.disconnect();
      nodes[victim] = await forkRelay(env);
      await delay(300);
    }
  } finally {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(nodes.map((node) => node.stop()));
    await upstream.stop();
    await redis.stop();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { kills, median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1), leaseTtl: 3000 };
};

module.exports.forkRelay = forkRelay;
module.exports.startRedis = startRedis;
module.exports.token = token;
module.exports.openSocket = openSocket;
module.exports.openReaders = openReaders;
module.exports.TICKERS = TICKERS;

module.exports.run = async ({ log, sockets = 2000, seconds = 5, kills = 10 }) => ({
  single: await singleNode({ sockets, seconds, interval: 100, log }),
  failover: await failover({ kills, interval: 100, log }),
});
