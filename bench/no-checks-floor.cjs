'use strict';
// The allocation floor of any client that hands out what ours does: the event built from a parsed frame
// with no check at all. Each record becomes an object of its own with its decimal strings through
// `Number` and its `ts` a `Date`, in a `results` array of its own, and the event carries a `Date` of the
// envelope's timestamp. The timestamps' epoch ms are not even read from the text: they come from a table
// made before the run. A decoder that checks and reads the text costs at least this.

/** `decode(payload)` for the frames whose timestamps `frames` hold; `undefined` for anything else. */
const noChecksDecoder = (payloads) => {
  const ms = new Map();
  for (const payload of payloads) {
    ms.set(payload.timestamp, Date.parse(payload.timestamp));
    for (const record of payload.results) ms.set(record.ts, Date.parse(record.ts));
  }
  return (payload) => {
    const { results } = payload;
    const records = new Array(results.length);
    for (let i = 0; i < results.length; i += 1) {
      const record = results[i];
      records[i] = {
        ts: new Date(ms.get(record.ts)),
        ticker: record.ticker,
        crowd_sentiment: Number(record.crowd_sentiment),
      };
    }
    return {
      path: payload.path,
      params: payload.params,
      results: records,
      timestamp: new Date(ms.get(payload.timestamp)),
    };
  };
};

module.exports = { noChecksDecoder };
