'use strict';
// Timing of one burst as the receiving side sees it, and A/B repetitions around it.
const { gc, median, spread } = require('./stats.cjs');

/**
 * Counts deliveries; `expect(n)` resolves when the n-th arrives, timed from the first one: wall-clock
 * events/s, and events per second of this process's CPU time (`cpuRate`), which does not depend on
 * how fast the server can send.
 */
const createMeter = () => {
  let count = 0;
  let target = Infinity;
  let first = 0n;
  let firstCpu = process.cpuUsage();
  let finish = () => undefined;
  return {
    hit() {
      count += 1;
      if (count === 1) {
        first = process.hrtime.bigint();
        firstCpu = process.cpuUsage();
      }
      if (count === target) {
        const ms = Number(process.hrtime.bigint() - first) / 1e6;
        const cpu = process.cpuUsage(firstCpu);
        const cpuMs = (cpu.user + cpu.system) / 1000;
        finish({ events: count, ms, rate: ((count - 1) / ms) * 1000, cpuRate: ((count - 1) / cpuMs) * 1000 });
      }
    },
    expect(n, timeout = 60_000) {
      count = 0;
      target = n;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${count}/${n} events arrived`)), timeout);
        finish = (result) => {
          clearTimeout(timer);
          target = Infinity;
          resolve(result);
        };
      });
    },
  };
};

/** One burst of `n` events to `contender.socketId`; events/s as received. */
const runBurst = async (server, contender, n, path, records) => {
  gc();
  const arrived = contender.meter.expect(n);
  const sent = await server.burst({ socketId: contender.socketId, n, path, records });
  const received = await arrived;
  return { ...received, serverRate: (n / sent.ms) * 1000 };
};

/**
 * Alternates the contenders `reps` times (order flipped every repetition: ABBA…), after one smaller
 * warm-up burst each, and returns each one's median events/s with its samples.
 */
const alternate = async (server, contenders, { n, reps, path, records, log }) => {
  for (const contender of contenders) await runBurst(server, contender, Math.ceil(n / 4), path, records);
  const samples = new Map(contenders.map((c) => [c.name, []]));
  const cpuSamples = new Map(contenders.map((c) => [c.name, []]));
  const serverRates = [];
  for (let rep = 0; rep < reps; rep += 1) {
    const order = rep % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      const result = await runBurst(server, contender, n, path, records);
      samples.get(contender.name).push(result.rate);
      cpuSamples.get(contender.name).push(result.cpuRate);
      serverRates.push(result.serverRate);
      log?.(
        `  ${contender.name} #${rep + 1}: ${Math.round(result.rate)} events/s, ${Math.round(result.cpuRate)} per CPU-second`,
      );
    }
  }
  return {
    results: Object.fromEntries(
      [...samples].map(([name, values]) => [
        name,
        {
          median: median(values),
          spread: spread(values),
          samples: values,
          cpu: { median: median(cpuSamples.get(name)), spread: spread(cpuSamples.get(name)) },
        },
      ]),
    ),
    serverRate: median(serverRates),
  };
};

module.exports = { createMeter, runBurst, alternate };
