'use strict';
// What careful socket.io glue written by hand does with a crowd-sentiment `data` event: check the
// envelope, turn each record's decimal string into a finite number and its `ts` into a valid Date,
// and drop the event if anything is off. The same work as our decoding, minus its error reports.
const decodeByHand = (payload) => {
  if (typeof payload !== 'object' || payload === null || !Array.isArray(payload.results)) return undefined;
  const records = [];
  for (const record of payload.results) {
    if (typeof record !== 'object' || record === null || typeof record.ticker !== 'string') return undefined;
    const ts = new Date(record.ts);
    const sentiment = Number(record.crowd_sentiment ?? record.average_sentiment);
    if (Number.isNaN(ts.getTime()) || !Number.isFinite(sentiment)) return undefined;
    records.push({ ts, ticker: record.ticker, crowd_sentiment: sentiment });
  }
  return {
    path: payload.path,
    params: payload.params,
    results: records,
    timestamp: new Date(payload.timestamp),
  };
};

module.exports = { decodeByHand };
