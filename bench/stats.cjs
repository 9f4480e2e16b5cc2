'use strict';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Spread of the samples around their median, in percent: (max - min) / median. */
const spread = (values) => ((Math.max(...values) - Math.min(...values)) / median(values)) * 100;

const gc = () => {
  if (typeof global.gc !== 'function') throw new Error('run node with --expose-gc');
  global.gc();
  global.gc();
};

/** Resolves on the next macrotask turn. */
const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { median, spread, gc, tick, sleep };
