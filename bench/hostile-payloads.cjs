'use strict';
// Adversarial `data` payloads of about 1 MB each (issue 10), as JSON text: written by hand, since
// JSON.stringify itself overflows the stack a few thousand levels down. Each targets the subscription
// `/real-time/crowd-sentiment` `{ ticker: 'AAPL' }` or, through its params, no subscription at all.

const MB = 1_000_000;
const PATH = '/real-time/crowd-sentiment';
const STAMP = '"timestamp":"2026-01-02T15:30:00.000Z"';
const AAPL = '{"ticker":"AAPL"}';
const envelope = (params, results) => `{"path":"${PATH}","params":${params},"results":${results},${STAMP}}`;
const nested = (levels) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const badRecord = '{"ts":"x","ticker":"AAPL","crowd_sentiment":"y"}';

/**
 * kind → { label, json, outcome }: `outcome` is what the client must do with it: fail the subscription
 * (`error`) or report the payload on `unroutable$` (`unroutable`).
 */
const hostilePayloads = {
  digits: {
    label: 'a 1 MB digit run ending in a letter, in a decimal field',
    json: envelope(
      AAPL,
      `[{"ts":"2026-01-02T15:30:00.000Z","ticker":"AAPL","crowd_sentiment":"${'1'.repeat(MB)}x"}]`,
    ),
    outcome: 'error',
  },
  deepResults: {
    label: '`results` nested 166,000 objects deep',
    json: envelope(AAPL, nested(Math.floor(MB / 6))),
    outcome: 'error',
  },
  deepParams: {
    label: '`params` nested 166,000 objects deep',
    json: envelope(nested(Math.floor(MB / 6)), '[]'),
    outcome: 'unroutable',
  },
  badRecords: {
    label: '`results`: an array of 20,000 bad records',
    json: envelope(AAPL, `[${Array.from({ length: 20_000 }, () => badRecord).join(',')}]`),
    outcome: 'error',
  },
  hugeParams: {
    label: '`params` with an array of 500,000 numbers',
    json: envelope(`{"list":[${Array.from({ length: 500_000 }, () => '1').join(',')}]}`, '[]'),
    outcome: 'unroutable',
  },
};

module.exports = { hostilePayloads, PATH };
