'use strict';
// Profiling aid (not part of `npm run bench`): what decoding one `data` payload costs, piece by piece,
// beside the engine's own `new Date(string)`. `node bench/decode-cost.cjs` after `npm run build`.
const t = require('io-ts');
const { realTimeEndpoints, DateFromIso } = require('../dist/index.cjs');
const { makePayload, seeded } = require('./payloads.cjs');

const PATH = '/real-time/crowd-sentiment';
const json = JSON.stringify(makePayload(PATH, {}, 0, seeded(1)));
const codec = realTimeEndpoints[PATH].results;
const { timestamp } = JSON.parse(json);

const time = (name, f, n = 200_000) => {
  for (let i = 0; i < 20_000; i += 1) f();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) f();
  console.log(`${name.padEnd(52)} ${(Number(process.hrtime.bigint() - start) / 1e3 / n).toFixed(2)} µs`);
};

time('JSON.parse(payload) (raw client does this too)', () => JSON.parse(json));
time('JSON.parse + results codec (5 records)', () => codec.validate(JSON.parse(json).results, []));
time('DateFromIso.validate × 5', () => {
  for (let i = 0; i < 5; i += 1) DateFromIso.validate(timestamp, []);
});
time('new Date(string) × 5 (the engine parser)', () => {
  for (let i = 0; i < 5; i += 1) new Date(timestamp);
});
time('t.appendContext × 15 (one per field)', () => {
  const context = [{ key: '', type: t.unknown, actual: 1 }];
  for (let i = 0; i < 15; i += 1) t.appendContext(context, 'k', t.unknown, 1);
});
