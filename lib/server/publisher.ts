import type { RecordGenerator } from './record-generator';
import type { GeneratedRecord, ServerLog } from './server-log';
import type { SubscriptionRegistry } from './subscription-registry';

export interface PublisherDeps {
  readonly registry: SubscriptionRegistry;
  readonly generator: RecordGenerator;
  readonly tickers: readonly string[];
  readonly interval: number;
  readonly log: ServerLog;
}

/**
 * One timer for the whole server: every `interval` ms each live subscription gets a `data` event.
 * A (path, ticker) record is generated once per tick and shared, so two sockets see the same values.
 * Returns the function that stops it.
 */
export const startPublisher = ({
  registry,
  generator,
  tickers,
  interval,
  log,
}: PublisherDeps): (() => void) => {
  const tick = (): void => {
    if (registry.size === 0) return;
    const now = new Date();
    const timestamp = now.toISOString();
    const records = new Map<string, GeneratedRecord>();
    registry.forEach((socket, { path, params, canonicalPath, spec, ticker }) => {
      const results = (ticker === undefined ? tickers : [ticker]).map((name) => {
        const key = `${canonicalPath}|${name}`;
        let record = records.get(key);
        if (record === undefined) {
          record = generator.next(canonicalPath, spec.fields, name, now);
          records.set(key, record);
        }
        return record;
      });
      socket.emit('data', { params, path, results, timestamp });
      log.add({ type: 'sent', socketId: socket.id, path, params, timestamp, results });
    });
  };
  const timer = setInterval(tick, interval);
  return () => clearInterval(timer);
};
