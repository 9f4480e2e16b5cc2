'use strict';
// Realistic `data` payloads: 5 records of decimal strings, as the Market Prophit API sends them.

const TICKERS = ['AAPL', 'MSFT', 'TSLA', 'AMZN', 'NVDA'];

/** A small deterministic generator, so every run sends the same bytes. */
const seeded = (seed) => {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
};

/** `{ params, path, results, timestamp }` with `records` crowd-sentiment records. */
const makePayload = (path, params, variant, random, records = TICKERS.length) => {
  const time = new Date(Date.UTC(2026, 0, 2, 15, 30, 0) + variant * 60_000).toISOString();
  const results = [];
  for (let i = 0; i < records; i += 1) {
    results.push({
      ts: time,
      ticker: TICKERS[i % TICKERS.length],
      crowd_sentiment: String(random() * 2 - 1),
    });
  }
  return { params, path, results, timestamp: time };
};

module.exports = { TICKERS, seeded, makePayload };
