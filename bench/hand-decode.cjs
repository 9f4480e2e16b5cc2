'use strict';
// What careful socket.io glue written by hand does with a crowd-sentiment `data` event, for row 1b:
// - the envelope's shape: an object whose `path` is the path it subscribed to, `params` an object, a
//   `timestamp` and a `results` array;
// - every number from its decimal string: at most 100 characters, matching a plain decimal literal
//   (`Number('')` is 0 and `Number('0x1f')` is 31), finite;
// - every timestamp from its ISO-8601 string: at most 100 characters, the ISO form (`new Date('1')` is
//   a date), a valid `Date`;
// - `ticker` a string; each record copied into an object of its own, the `average_sentiment` alias read.
// It drops a bad event without saying why. It does not check the echoed params against the one
// subscription (only that they are an object), copy them into a snapshot, walk them for depth or
// size, tell a repeat during a token rotation, route among several subscriptions, nor build a report.
const MAX_LENGTH = 100;
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const decimal = (value) => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.length > MAX_LENGTH || !DECIMAL.test(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

const date = (value) => {
  if (typeof value !== 'string' || value.length > MAX_LENGTH || !ISO.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

const decodeByHand = (payload, path) => {
  if (typeof payload !== 'object' || payload === null || payload.path !== path) return undefined;
  const { params, results } = payload;
  if (typeof params !== 'object' || params === null || !Array.isArray(results)) return undefined;
  const timestamp = date(payload.timestamp);
  if (timestamp === undefined) return undefined;
  const records = [];
  for (const record of results) {
    if (typeof record !== 'object' || record === null || typeof record.ticker !== 'string') return undefined;
    const ts = date(record.ts);
    const sentiment = decimal(record.crowd_sentiment ?? record.average_sentiment);
    if (ts === undefined || sentiment === undefined) return undefined;
    records.push({ ts, ticker: record.ticker, crowd_sentiment: sentiment });
  }
  return { path, params, results: records, timestamp };
};

module.exports = { decodeByHand };
