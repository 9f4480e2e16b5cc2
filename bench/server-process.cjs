'use strict';
// A bench-only server in its own process: plain socket.io speaking the Market Prophit protocol
// (`subscribe`/`unsubscribe` with acks, `data` events), accepting any token. The parent drives it
// over IPC: `burst` pushes N pre-encoded `data` events to one socket as fast as it can.
const { createServer } = require('node:http');
const { Server } = require('socket.io');
const { keyOf } = require('./canonical.cjs');
const { seeded, makePayload } = require('./payloads.cjs');

const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false });
/** socket id → (key → { path, params }) */
const held = new Map();
const counters = { connects: 0, subscribes: 0, unsubscribes: 0 };

io.on('connection', (socket) => {
  counters.connects += 1;
  const subscriptions = new Map();
  held.set(socket.id, subscriptions);
  socket.on('subscribe', (options, ack) => {
    counters.subscribes += 1;
    const { path, params = {} } = options ?? {};
    if (typeof path !== 'string') return typeof ack === 'function' && ack('invalid path');
    subscriptions.set(keyOf(path, params), { path, params });
    if (typeof ack === 'function') ack(null);
  });
  socket.on('unsubscribe', (options, ack) => {
    counters.unsubscribes += 1;
    const { path, params = {} } = options ?? {};
    subscriptions.delete(keyOf(path, params));
    if (typeof ack === 'function') ack(null);
  });
  socket.on('disconnect', () => held.delete(socket.id));
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Sends `n` `data` events (of `records` records each, 5 if not given) to one socket, spread round-robin over the keys it holds for `path`.
 * Frames are socket.io EVENT packets encoded once up front (`2["data",{…}]`) and written with
 * engine.io's `write`, so the server spends its time on framing, not JSON.stringify: the client,
 * not the server, should be the bottleneck. The client sees the same bytes as from `emit('data')`.
 */
const burst = async ({ socketId, n, path, records }) => {
  const socket = io.sockets.sockets.get(socketId);
  const subscriptions = held.get(socketId);
  if (socket === undefined || subscriptions === undefined) throw new Error(`no socket ${socketId}`);
  const targets = [...subscriptions.values()].filter((entry) => entry.path === path);
  if (targets.length === 0) throw new Error(`socket ${socketId} holds nothing for ${path}`);
  const variants = Math.max(1, Math.ceil(64 / targets.length));
  const random = seeded(42);
  const frames = [];
  for (let v = 0; v < variants; v += 1) {
    for (const { params } of targets) {
      frames.push(`2${JSON.stringify(['data', makePayload(path, params, v, random, records)])}`);
    }
  }
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) {
    socket.conn.write(frames[i % frames.length]);
    if (i % 2000 === 1999) await tick();
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { sent: n, ms, keys: targets.length, bytes: frames[0].length };
};

const stats = ({ socketId }) => {
  const subscriptions = socketId === undefined ? undefined : held.get(socketId);
  return {
    ...counters,
    sockets: held.size,
    subscriptions: subscriptions === undefined ? undefined : subscriptions.size,
  };
};

/** Writes one adversarial payload (`bench/hostile-payloads.cjs`) to one socket as a `data` event. */
const hostile = ({ socketId, kind }) => {
  const socket = io.sockets.sockets.get(socketId);
  if (socket === undefined) throw new Error(`no socket ${socketId}`);
  const { json } = require('./hostile-payloads.cjs').hostilePayloads[kind];
  socket.conn.write(`2["data",${json}]`);
  return { bytes: json.length };
};

const handlers = { burst, stats, hostile };

process.on('message', async (message) => {
  if (message?.cmd === 'close') {
    io.close();
    http.close();
    process.exit(0);
  }
  const handler = handlers[message?.cmd];
  try {
    if (handler === undefined) throw new Error(`unknown command ${message?.cmd}`);
    process.send({ id: message.id, ok: true, value: await handler(message) });
  } catch (error) {
    process.send({ id: message.id, ok: false, error: String(error?.stack ?? error) });
  }
});
// The parent went away: do not linger as an orphan.
process.on('disconnect', () => process.exit(0));

http.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: http.address().port }));
