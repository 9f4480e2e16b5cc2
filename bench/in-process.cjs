'use strict';
// The client's per-event path in one process, without sockets: each `data` frame is `JSON.parse`d (what
// socket.io-client does to every frame) and handed to the `data` listeners of an in-memory socket.
// Five contenders take the same frames: `raw` (an empty handler), `floor` (bench/no-checks-floor.cjs:
// the same event built with no check, the allocation floor), `byHand` (bench/hand-decode.cjs), `ours`
// (`createClient(…).subscribe$`, the hub's routing and decoding) and `browser` (the same from the build a
// browser app bundles: generic decoders, no canonical timestamp reader; V8 here stands in for Chrome's).
// CPU time per event is the median over alternating rounds (process.cpuUsage()), so the machine's other
// load mostly cancels out;
// allocation per event is the median heap growth of small batches (a batch that a scavenge cut short
// shows as a drop and falls out of the median).
//
// `npm run build && node bench/in-process.cjs [--records 1] [--keys 1000] [--rounds 15] [--n 100000]`
// Profiling: `node --cpu-prof --cpu-prof-dir=/tmp/prof bench/in-process.cjs --only ours` (or `--only browser`).
// The scenario measures the browser build in a child process of its own (`--json`).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const run = promisify(require('node:child_process').execFile);
const { createClient } = require('../dist/index.cjs');
const { decodeByHand } = require('./hand-decode.cjs');
const { noChecksDecoder } = require('./no-checks-floor.cjs');
const { makePayload, seeded } = require('./payloads.cjs');
const { median } = require('./stats.cjs');

const PATH = '/real-time/crowd-sentiment';
const ticker = (i) => `T${String(i).padStart(4, '0')}`;

/** A connected socket in memory: `emit('subscribe', …, ack)` is acknowledged at once. */
const memorySocket = () => {
  const listeners = new Map();
  return {
    connected: true,
    active: true,
    id: 'in-process',
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    off(event, listener) {
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((other) => other !== listener),
      );
    },
    emit(event, _options, ack) {
      if (typeof ack === 'function') ack(null);
    },
    connect() {},
    disconnect() {
      this.connected = false;
    },
    /** What socket.io-client does with a frame: parse it, call every `data` listener. */
    frame(text) {
      const payload = JSON.parse(text);
      const list = listeners.get('data');
      if (list !== undefined) for (let i = 0; i < list.length; i += 1) list[i](payload);
    },
  };
};

/** Frames as the bench server sends them: round-robin over the subscribed params, 64 variants or more. */
const framesFor = (paramsList, records) => {
  const random = seeded(42);
  const variants = Math.max(1, Math.ceil(64 / paramsList.length));
  const frames = [];
  for (let v = 0; v < variants; v += 1) {
    for (const params of paramsList)
      frames.push(JSON.stringify(makePayload(PATH, params, v, random, records)));
  }
  return frames;
};

/**
 * The library as a browser app gets it, to run here: `dist/index.mjs` and every dependency bundled by esbuild
 * with the browser's resolution (package.json `imports` without the `node` condition: no compiled decoders, no
 * canonical timestamp reader, rxjs's browser build), written to a temporary file and loaded.
 */
const browserBuild = () => {
  const esbuild = require('esbuild');
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [path.join(__dirname, '..', 'dist', 'index.mjs')],
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mprx-browser-build-'));
  const file = path.join(dir, 'index.cjs');
  try {
    fs.writeFileSync(file, outputFiles[0].text);
    return require(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * The five contenders over `keys` subscriptions (1: `{}`; more: one ticker each) and `records` records per
 * event: raw, floor, byHand, ours (Node's build) and browser (the browser build). Each has `run(n)`, which
 * feeds it n frames, and `counts` (events delivered).
 */
const contenders = async ({ keys = 1, records = 5, names = ['raw', 'floor', 'byHand', 'ours'] } = {}) => {
  const paramsList = keys === 1 ? [{}] : Array.from({ length: keys }, (_, i) => ({ ticker: ticker(i) }));
  const frames = framesFor(paramsList, records);
  const counts = { raw: 0, floor: 0, byHand: 0, ours: 0, browser: 0 };

  const rawSocket = memorySocket();
  rawSocket.on('data', () => {
    counts.raw += 1;
  });
  const floorSocket = memorySocket();
  const decodeWithoutChecks = noChecksDecoder();
  floorSocket.on('data', (payload) => {
    if (decodeWithoutChecks(payload).results.length > 0) counts.floor += 1;
  });
  const handSocket = memorySocket();
  handSocket.on('data', (payload) => {
    const event = decodeByHand(payload, PATH);
    if (event !== undefined) counts.byHand += 1;
  });
  const feed = (socket) => (n) => {
    for (let i = 0; i < n; i += 1) socket.frame(frames[i % frames.length]);
  };
  /** A client from `create` on a memory socket, subscribed to every key; resolves once each key delivers. */
  const subscribed = async (create, name) => {
    const socket = memorySocket();
    const client = create({ url: 'http://127.0.0.1:1', token: () => 'x', socket: () => socket });
    const subscriptions = paramsList.map((params) =>
      client.subscribe$(PATH, params).subscribe({
        next: () => {
          counts[name] += 1;
        },
        error: (error) => {
          throw error;
        },
      }),
    );
    // The token and the socket come on the scheduler: wait (bounded) until every key is delivered.
    for (let tries = 0; counts[name] < frames.length; tries += 1) {
      if (tries > 1_000) throw new Error(`${name}: the client never subscribed`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      counts[name] = 0;
      feed(socket)(frames.length);
    }
    return {
      run: feed(socket),
      close: () => subscriptions.forEach((subscription) => subscription.unsubscribe()),
    };
  };
  // Each client only when asked for: a second copy of rxjs and the library in one process slows the other.
  const ours = names.includes('ours') ? await subscribed(createClient, 'ours') : undefined;
  const browser = names.includes('browser')
    ? await subscribed(browserBuild().createClient, 'browser')
    : undefined;
  return {
    counts,
    run: {
      raw: feed(rawSocket),
      floor: feed(floorSocket),
      byHand: feed(handSocket),
      ...(ours && { ours: ours.run }),
      ...(browser && { browser: browser.run }),
    },
    close: () => {
      ours?.close();
      browser?.close();
    },
  };
};

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** Median CPU µs per event of each contender over `rounds` alternating rounds of `n` events (ABC CBA …). */
const cpuPerEvent = (setup, names, { n = 100_000, rounds = 15 } = {}) => {
  for (const name of names) setup.run[name](n / 4); // warm-up
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const before = cpuMicros();
      setup.run[name](n);
      samples[name].push((cpuMicros() - before) / n);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
};

/** Median heap bytes per event over `batches` batches of `size` events each. */
const bytesPerEvent = (setup, name, { size = 200, batches = 301 } = {}) => {
  setup.run[name](2_000); // warm-up
  const samples = [];
  for (let b = 0; b < batches; b += 1) {
    const before = process.memoryUsage().heapUsed;
    setup.run[name](size);
    samples.push((process.memoryUsage().heapUsed - before) / size);
  }
  return median(samples);
};

/**
 * The bench scenario (`npm run bench -- --only inprocess`): CPU µs and heap bytes per event of the
 * five contenders, for 1-record and 5-record events on one subscription.
 */
const scenario = async ({ n = 100_000, rounds = 15 }) => {
  const names = ['raw', 'floor', 'byHand', 'ours'];
  const out = { n, rounds };
  for (const records of [1, 5]) {
    const setup = await contenders({ records, names });
    const cpu = cpuPerEvent(setup, names, { n, rounds });
    const bytes = Object.fromEntries(names.map((name) => [name, bytesPerEvent(setup, name)]));
    setup.close();
    // The browser build in a process of its own, beside hand-written decoding again for its ratio.
    const { stdout } = await run(process.execPath, [
      __filename,
      ...['--records', String(records), '--n', String(n), '--rounds', String(rounds)],
      ...['--only', 'byHand,browser', '--json'],
    ]);
    out[records] = { cpu, bytes, browser: JSON.parse(stdout) };
  }
  return out;
};

module.exports = { memorySocket, contenders, cpuPerEvent, bytesPerEvent, scenario };

const main = async () => {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => {
    const index = args.indexOf(`--${name}`);
    return index === -1 ? fallback : args[index + 1];
  };
  const keys = Number(flag('keys', 1));
  const records = Number(flag('records', 5));
  const n = Number(flag('n', 100_000));
  const rounds = Number(flag('rounds', 15));
  const names = flag('only', 'raw,floor,byHand,ours').split(',');
  const setup = await contenders({ keys, records, names });
  const cpu = cpuPerEvent(setup, names, { n, rounds });
  if (args.includes('--json')) {
    const bytes = Object.fromEntries(names.map((name) => [name, bytesPerEvent(setup, name)]));
    console.log(JSON.stringify({ cpu, bytes }));
    setup.close();
    return;
  }
  const line = (name) => {
    const bytes = bytesPerEvent(setup, name);
    return `${name.padEnd(7)} ${cpu[name].toFixed(3)} µs/event CPU, ${Math.round(bytes)} B/event heap`;
  };
  console.log(`in-process, ${keys} key(s), ${records} record(s)/event, ${rounds} rounds of ${n}:`);
  for (const name of names) console.log(`  ${line(name)}`);
  if (names.includes('raw') && names.includes('ours')) {
    console.log(`  ours/raw (rate) ${(cpu.raw / cpu.ours).toFixed(3)}`);
    if (names.includes('byHand')) console.log(`  ours/byHand (rate) ${(cpu.byHand / cpu.ours).toFixed(3)}`);
    if (names.includes('floor')) console.log(`  floor/raw (rate) ${(cpu.raw / cpu.floor).toFixed(3)}`);
  }
  for (const name of names) if (setup.counts[name] === 0) throw new Error(`${name} received nothing`);
  setup.close();
};

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
