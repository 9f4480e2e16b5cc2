'use strict';
// `npm run bench`: every scenario in one run against a server in a child process, printed as a
// markdown table and written to bench/results.md.
// Options: --only throughput,inprocess,routing,fanout,churn,hostile,relay,relay-join,relay-slow,late-joiner,bundle   --quick (smaller N, fewer repetitions)
// `throughput` runs rows 1 and 1b (5-record events) and 1a (1-record events, client CPU per event).
const { fork } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// Heap figures need global.gc(): run again with --expose-gc when it is missing.
if (typeof global.gc !== 'function') {
  const child = fork(__filename, process.argv.slice(2), {
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
  return;
}

const { startServerProcess } = require('./server-handle.cjs');
const { machineInfo, sampleBusy } = require('./machine.cjs');
const { toMarkdown } = require('./report.cjs');
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const { writeFiguresToReadme } = require('./readme-figures.cjs');

const args = process.argv.slice(2);
const flag = (name) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : (args[index + 1] ?? '');
};
const quick = args.includes('--quick');
const only = flag('only')?.split(',');
const wanted = (name) => only === undefined || only.includes(name);
const log = (line) => process.stderr.write(`${line}\n`);

const scenarios = [
  ['throughput', () => require('./throughput.cjs'), quick ? { n: 50_000, reps: 3 } : { n: 200_000, reps: 7 }],
  [
    'throughput',
    () => require('./throughput.cjs'),
    quick ? { n: 30_000, reps: 3, records: 1 } : { n: 100_000, reps: 6, records: 1 },
    'throughput1',
  ],
  [
    'inprocess',
    () => require('./in-process.cjs').scenario,
    quick ? { n: 20_000, rounds: 5 } : { n: 100_000, rounds: 15 },
  ],
  ['routing', () => require('./routing.cjs'), quick ? { n: 50_000, reps: 3 } : { n: 200_000, reps: 9 }],
  ['fanout', () => require('./fanout.cjs'), quick ? { n: 200 } : { n: 1_000 }],
  ['churn', () => require('./churn.cjs'), quick ? { cycles: 20_000 } : { cycles: 100_000 }],
  ['hostile', () => require('./hostile.cjs'), quick ? { reps: 1 } : { reps: 5 }],
  [
    'relay',
    () => require('./relay.cjs').run,
    quick ? { sockets: 400, seconds: 2, kills: 3 } : { sockets: 2000, kills: 10 },
  ],
  ['relay-join', () => require('./relay-join.cjs'), quick ? { joins: 2, kills: 2 } : { joins: 5, kills: 10 }],
  [
    'relay-slow',
    () => require('./relay-slow.cjs'),
    quick ? { readers: 200, seconds: 15 } : { readers: 1000, seconds: 30 },
  ],
  [
    'late-joiner',
    () => require('./late-joiner.cjs').run,
    quick ? { joiners: 3 } : { joiners: 7 },
    'lateJoiner',
  ],
];

const main = async () => {
  const machine = machineInfo();
  log(`bench: Node ${machine.node}, ${machine.cpu} × ${machine.cores}`);
  const busyBefore = await sampleBusy();
  const results = {};
  const server = await startServerProcess();
  try {
    for (const [name, load, options, key = name] of scenarios) {
      if (!wanted(name)) continue;
      log(`${key}…`);
      const started = Date.now();
      results[key] = await load()({ server, log, ...options });
      log(`${key}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await server.close();
  }
  if (wanted('bundle')) results.bundle = await require('./bundle-size.cjs')();
  const busyAfter = await sampleBusy();

  const command = ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' ');
  const notes = [];
  if (results.throughput) {
    // A client that waits for the server uses less than a core: its CPU-time rate exceeds its wall rate.
    const { raw } = results.throughput;
    const idle = raw.cpu.median / raw.median - 1;
    notes.push(
      idle > 0.15
        ? `Raw socket.io-client was idle ${Math.round(idle * 100)}% of the time: raw may be server-bound, which flatters the ratio.`
        : `Raw socket.io-client kept a core busy (${fmt(raw.cpu.median)} events per CPU-second vs ${fmt(raw.median)} per second): the client, not the server, set the pace.`,
    );
  }
  const markdown = toMarkdown(results, { machine, busyBefore, busyAfter, command, notes });
  process.stdout.write(`\n${markdown}`);
  if (!quick && only === undefined) {
    fs.writeFileSync(path.join(__dirname, 'results.md'), `# Benchmarks\n\n${markdown}`);
    await writeFiguresToReadme(markdown);
    log('written to bench/results.md and bench/README.md');
  }
  fs.writeFileSync(
    path.join(__dirname, 'results.json'),
    JSON.stringify({ machine, busyBefore, busyAfter, results }, null, 2),
  );
};

main().then(
  () => process.exit(0),
  (error) => {
    log(error?.stack ?? String(error));
    process.exit(1);
  },
);
