'use strict';
// 7c. The relay with 10 downstream sockets that stop reading beside 1,000 that read: the relay's RSS
// over time (its slope once the stalled sockets' kernel buffers are full), its event-loop delay, and
// what the readers got. The stalled sockets want 3 topics of 200 tickers each (about 30 KB a publication,
// 1.8 MB/s per socket), so their kernel buffers fill within seconds.
const { forkRelay, openReaders, openSocket, token, TICKERS } = require('./relay.cjs');

const PATHS = ['/real-time/crowd-sentiment', '/real-time/tweet-volume', '/real-time/tweet-buzz'];
const INTERVAL = 50;
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Least-squares slope of `points` ([x, y]), in y per x. */
const slope = (points) => {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
};

/** A socket that subscribes to every path with params {} and then stops reading its TCP socket. */
const stalledSocket = async (url, relayToken) => {
  const socket = await openSocket(url, relayToken, TICKERS[0], () => undefined);
  for (const path of PATHS) {
    await new Promise((resolve, reject) =>
      socket.emit('subscribe', { path, params: {} }, (error) =>
        error == null ? resolve() : reject(new Error(error)),
      ),
    );
  }
  const tcp = socket.io.engine.transport.ws._socket;
  tcp.pause();
  return { socket, tcp };
};

module.exports = async ({ log, readers = 1000, seconds = 20, stalled = 10 }) => {
  const upstream = await forkRelay({
    RELAY_ROLE: 'upstream',
    RELAY_INTERVAL: String(INTERVAL),
    RELAY_TICKERS: '200',
  });
  const relay = await forkRelay({
    RELAY_UPSTREAM: upstream.url,
    RELAY_SECRET: 'bench-secret-bench-secret-bench-secret',
  });
  const open = [];
  const paused = [];
  try {
    const relayToken = await token(relay.url);
    let delivered = 0;
    const onData = () => (delivered += 1);
    open.push(...(await openReaders(relay.url, relayToken, readers, onData)));
    for (let index = 0; index < stalled; index += 1) {
      const { socket, tcp } = await stalledSocket(relay.url, relayToken);
      open.push(socket);
      paused.push(tcp);
    }
    log(`relay-slow: ${readers} readers, ${stalled} stalled sockets`);
    await delay(1000);
    await relay.reset(); // the event-loop window starts
    const { sent: sentBefore } = await upstream.stats();
    delivered = 0;
    const started = Date.now();
    const rss = [];
    while (Date.now() - started < seconds * 1000) {
      await delay(1000);
      const { rss: bytes } = await relay.sample();
      rss.push({ at: (Date.now() - started) / 1000, mb: bytes / 1024 / 1024 });
    }
    const { loopP99, loopMax } = await relay.sample();
    const elapsed = Date.now() - started;
    const published = (await upstream.stats()).sent - sentBefore;
    const after = await relay.stats();
    // Readers' topics only: the stalled sockets' 3 topics are upstream publications too.
    const readerTopicsShare = TICKERS.length / (TICKERS.length + PATHS.length);
    const second = rss.slice(Math.floor(rss.length / 2));
    return {
      readers,
      stalled,
      seconds: elapsed / 1000,
      rssStartMb: rss[0]?.mb ?? 0,
      rssEndMb: rss.at(-1)?.mb ?? 0,
      rssSlopeMbPerSecond: slope(second.map(({ at, mb }) => [at, mb])),
      loopP99Ms: loopP99,
      loopMaxMs: loopMax,
      slowConsumers: after.slowConsumers,
      sockets: after.sockets,
      eventsPerSecond: delivered / (elapsed / 1000),
      expectedPerSecond: (published * readerTopicsShare * (readers / TICKERS.length)) / (elapsed / 1000),
    };
  } finally {
    for (const tcp of paused) tcp.destroy();
    for (const socket of open) socket.disconnect();
    await relay.stop();
    await upstream.stop();
  }
};
