import type { RecordGenerator } from './record-generator';
import type { GeneratedRecord } from './server-log';
import type { Publish, Source } from '../front/source';
import type { Topic } from '../front/subscription-request';

export interface SyntheticSourceDeps {
  readonly generator: RecordGenerator;
  readonly tickers: readonly string[];
  readonly interval: number;
  readonly publish: Publish;
}

/**
 * The local server's source: one timer for the whole server; every `interval` ms each live topic gets a
 * publication. A (path, ticker) record is generated once per tick and shared, so every socket sees the
 * same values. `dispose` stops the timer.
 */
export const createSyntheticSource = ({
  generator,
  tickers,
  interval,
  publish,
}: SyntheticSourceDeps): Source & { dispose(): void } => {
  const topics = new Map<string, Topic>();
  const tick = (): void => {
    if (topics.size === 0) return;
    const now = new Date();
    const timestamp = now.toISOString();
    const records = new Map<string, GeneratedRecord>();
    for (const { key, path, spec, ticker } of topics.values()) {
      const results = (ticker === undefined ? tickers : [ticker]).map((name) => {
        const recordKey = `${path}|${name}`;
        let record = records.get(recordKey);
        if (record === undefined) {
          record = generator.next(path, spec.fields, name, now);
          records.set(recordKey, record);
        }
        return record;
      });
      publish(key, results, timestamp);
    }
  };
  const timer = setInterval(tick, interval);
  return {
    start(topic) {
      topics.set(topic.key, topic);
      return null;
    },
    stop(topic) {
      topics.delete(topic.key);
    },
    dispose: () => clearInterval(timer),
  };
};
