'use strict';
// Machine info, and how busy the CPUs are (other processes share this machine).
const os = require('node:os');

const idleShare = (start, end) => {
  let idle = 0;
  let total = 0;
  end.forEach((cpu, i) => {
    const before = start[i].times;
    const sum = (times) => Object.values(times).reduce((a, b) => a + b, 0);
    idle += cpu.times.idle - before.idle;
    total += sum(cpu.times) - sum(before);
  });
  return total === 0 ? 1 : idle / total;
};

/** Share of CPU time the whole machine spent busy over `ms` while this process sleeps. */
const sampleBusy = (ms = 1_000) =>
  new Promise((resolve) => {
    const start = os.cpus();
    setTimeout(() => resolve(1 - idleShare(start, os.cpus())), ms);
  });

const machineInfo = () => ({
  node: process.version,
  cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
  cores: os.cpus().length,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  date: new Date().toISOString(),
});

module.exports = { sampleBusy, machineInfo };
