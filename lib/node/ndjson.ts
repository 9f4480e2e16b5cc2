import { Transform } from 'node:stream';

/**
 * A `Transform` from objects (written) to NDJSON text (read): one `JSON.stringify` line per object,
 * so `Date`s become ISO-8601 strings. A value JSON cannot represent (`undefined`, a function, a
 * `BigInt`, a cycle) fails the stream with a `TypeError`.
 *
 * @example
 * await pipeline(toReadable(events$), ndjsonStringify(), process.stdout);
 * // {"path":"/real-time/tweet-buzz","params":{"ticker":"AAPL"},"results":[…],"timestamp":"2026-…Z"}
 */
export const ndjsonStringify = (): Transform =>
  new Transform({
    writableObjectMode: true,
    transform(chunk: unknown, _encoding, callback) {
      let line: string | undefined;
      try {
        line = JSON.stringify(chunk);
      } catch (error) {
        callback(
          new TypeError(`ndjsonStringify: cannot serialise a value: ${String(error)}`, { cause: error }),
        );
        return;
      }
      if (line === undefined) {
        callback(new TypeError(`ndjsonStringify: ${typeof chunk} has no JSON form`));
        return;
      }
      callback(null, `${line}\n`);
    },
  });
