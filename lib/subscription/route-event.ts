import { isLeft } from '../codecs/is-left';
import { parseDate } from '../codecs/date-from-iso';
import { formatValidationErrors } from '../codecs/report';
import { DecodeError } from '../errors/decode-error';
import { isObject } from '../util/is-object';
import { isPlainObject } from '../util/is-plain-object';
import { jsonDataProblem } from '../util/json-data';
import { DataEnvelope, isEnvelopeTimestamp, type DataEvent } from './data-event';
import type { DesiredSubscriptions } from './desired-subscriptions';
import { routeKey } from './route-index';
import type { RotationWindow } from './rotation-window';

export interface RouterOptions {
  readonly desired: DesiredSubscriptions;
  /** Tells whether copies of events can overlap now. */
  readonly rotation: RotationWindow;
  /** Payloads that cannot be routed to any subscription (no valid `path`/`params`). */
  readonly onUnroutable: (error: DecodeError) => void;
}

// The envelope's own timestamp is read leniently (any form `Date` understands), the common ISO form fast.
const parseTimestamp = (value: string | number): Date | undefined => {
  const date = parseDate(value) ?? new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/**
 * What happens to one `data` payload, whichever socket it came on: a payload that is no data envelope
 * goes to `onUnroutable`; one for nothing wanted is dropped (in flight when we unsubscribed); one whose
 * `results` its subscription's decoder refuses, or whose timestamp is no date, fails that subscription
 * with a `DecodeError`; a second copy (event-dedupe.ts) is dropped; any other is decoded once, kept as
 * its subscription's latest event and given to every subscriber of it, with the subscription's own params.
 */
export const createRouter = ({ desired, rotation, onUnroutable }: RouterOptions) => {
  const unroutable = (payload: unknown) => {
    const report = DataEnvelope.decode(payload);
    onUnroutable(
      new DecodeError('invalid_payload', formatValidationErrors(isLeft(report) ? report.left : []), payload),
    );
  };

  return (payload: unknown): void => {
    // DataEnvelope's checks (`results` may be anything, but there). Params like `{}` and `{ ticker: 'AAPL' }`
    // are JSON data within the limits as they are and route by value (routeKey); others are walked, then
    // routed by their canonical JSON.
    if (!isObject(payload)) return unroutable(payload);
    const { path, params, results, timestamp } = payload;
    if (
      typeof path !== 'string' ||
      !isPlainObject(params) ||
      !isEnvelopeTimestamp(timestamp) ||
      !Object.hasOwn(payload, 'results')
    ) {
      return unroutable(payload);
    }
    const key = routeKey(params);
    if (key === undefined && jsonDataProblem(params) !== undefined) return unroutable(payload);
    const target = desired.find(path, params, key);
    if (target === undefined) return; // in flight when we unsubscribed
    const date = parseTimestamp(timestamp);
    // The catalogue's decoders (recordListCodec) have a plain parse, found once per subscription: no io-ts
    // context or `Right` per event; others validate. A failure's report comes from `validate` either way.
    const { parse } = target;
    const validation = parse === undefined ? target.results.validate(results, target.context) : undefined;
    const decoded =
      validation !== undefined ? (isLeft(validation) ? undefined : validation.right) : parse?.(results);
    const failed = validation === undefined ? decoded === undefined : isLeft(validation);
    if (failed || date === undefined) {
      const failure = validation ?? target.results.validate(results, target.context);
      const report = isLeft(failure)
        ? formatValidationErrors(failure.left)
        : [`Invalid value ${JSON.stringify(timestamp)} supplied to timestamp: Timestamp`];
      desired.fail(target, new DecodeError('invalid_payload', report, payload, path, params));
      return;
    }
    // During a token rotation both sockets send the same events: deliver each once. The server sends
    // each tick to the subscribers it has (no replay on subscribe), so outside rotations the dedupe keeps
    // only the latest event: a second socket can repeat nothing older.
    if (!target.dedupe.admit(date.getTime(), decoded, rotation.overlapping())) return;
    const event: DataEvent<never, unknown> = {
      path,
      params: target.options.params as never,
      results: decoded,
      timestamp: date,
    };
    target.latest = event;
    for (const sink of target.sinks) sink.next(event);
  };
};
