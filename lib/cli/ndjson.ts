import type { DataEvent } from '../subscription/data-event';

/** One event as one line of JSON, in the protocol's shape (`Date`s as ISO-8601). */
export const ndjsonLine = (event: DataEvent<unknown, unknown>): string =>
  `${JSON.stringify({
    path: event.path,
    params: event.params,
    results: event.results,
    timestamp: event.timestamp,
  })}\n`;
