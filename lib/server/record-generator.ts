import type { FieldSpec } from '../endpoints/field-kind';
import { hashSeed, mulberry32, randomWalk, type Random } from './random-walk';
import type { GeneratedRecord } from './server-log';
import { walkRangeFor } from './value-profile';

/** Makes records for any field list (real-time or historical) from the fields' kinds alone. */
export interface RecordGenerator {
  /**
   * The next record of the stream `stream` (e.g. a path) for `ticker`, stamped `time`. Each
   * (stream, ticker) pair walks on its own, so values do not depend on what else is generated.
   */
  next(
    stream: string,
    fields: Readonly<Record<string, FieldSpec>>,
    ticker: string,
    time: Date,
  ): GeneratedRecord;
}

const SECTORS = ['Technology', 'Financial', 'Energy', 'Healthcare', 'ConsumerGoods', 'Currency'] as const;
/** How often a nullable decimal is null (upstream: moving averages before enough data, unscored users). */
const NULL_RATE = 0.05;
const USER_POOL = 40;

const pick = <T>(random: Random, items: readonly T[], fallback: T): T =>
  items[Math.floor(random() * items.length)] ?? fallback;

/** Upstream sends decimals as strings with 16 fraction digits, e.g. "0.3671460543121055". */
const decimalString = (value: number): string => value.toFixed(16);

export const createRecordGenerator = (seed: number, tickers: readonly string[]): RecordGenerator => {
  const walks = new Map<string, () => number>();
  const randoms = new Map<string, Random>();

  const randomFor = (key: string): Random => {
    let random = randoms.get(key);
    if (random === undefined) {
      random = mulberry32(hashSeed(seed, key));
      randoms.set(key, random);
    }
    return random;
  };
  const walkValue = (key: string, name: string, spec: FieldSpec): number => {
    let walk = walks.get(key);
    if (walk === undefined) {
      walk = randomWalk(mulberry32(hashSeed(seed, key)), walkRangeFor(name, spec.kind));
      walks.set(key, walk);
    }
    return walk();
  };
  const userIds = Array.from({ length: USER_POOL }, (_, index) =>
    String(100_000_000 + (hashSeed(seed, `user:${index}`) % 900_000_000)),
  );

  const text = (name: string, ticker: string, random: Random): string => {
    if (name === 'ticker') return ticker;
    if (name === 'user_id') return pick(random, userIds, '100000000');
    if (name === 'sector') return pick(random, SECTORS, 'Technology');
    if (name === 'tickers')
      return [ticker, ...tickers.filter((other) => other !== ticker).slice(0, 2)].join(', ');
    return `${name}-${Math.floor(random() * 1000)}`;
  };

  return {
    next(stream, fields, ticker, time) {
      const record: Record<string, string | null> = {};
      const random = randomFor(`${stream}|${ticker}`);
      for (const [name, spec] of Object.entries(fields)) {
        const key = `${stream}|${ticker}|${name}`;
        switch (spec.kind) {
          case 'timestamp':
            record[name] = time.toISOString();
            break;
          case 'text':
            record[name] = text(name, ticker, random);
            break;
          case 'integer':
            record[name] = String(Math.round(walkValue(key, name, spec)));
            break;
          case 'decimal':
            record[name] = decimalString(walkValue(key, name, spec));
            break;
          case 'nullable-decimal': {
            // Walk even when null, so a null does not shift the rest of the sequence.
            const value = walkValue(key, name, spec);
            record[name] = random() < NULL_RATE ? null : decimalString(value);
            break;
          }
        }
      }
      return record;
    },
  };
};
