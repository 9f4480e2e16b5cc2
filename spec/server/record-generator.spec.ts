import { realTimeSpecs } from '../../lib/endpoints/real-time-specs';
import { createRecordGenerator } from '../../lib/server/record-generator';
import { hashSeed, mulberry32, randomWalk } from '../../lib/server/random-walk';

const time = new Date('2026-01-02T03:04:05.678Z');
const DECIMAL = /^-?\d+\.\d{16}$/;

const series = (seed: number, path: keyof typeof realTimeSpecs, count: number) => {
  const generator = createRecordGenerator(seed, ['AAPL']);
  return Array.from({ length: count }, () => generator.next(path, realTimeSpecs[path].fields, 'AAPL', time));
};

describe('record generator', () => {
  it('gives the same values for the same seed and different ones for another seed', () => {
    const a = series(7, '/real-time/crowd-sentiment', 20);
    expect(series(7, '/real-time/crowd-sentiment', 20)).toEqual(a);
    expect(series(8, '/real-time/crowd-sentiment', 20)).not.toEqual(a);
    expect(new Set(a.map((record) => record['crowd_sentiment'])).size).toBeGreaterThan(15);
  });

  it('keeps each (stream, ticker) walk independent of what else is generated', () => {
    const alone = series(3, '/real-time/tweet-buzz', 5);
    const generator = createRecordGenerator(3, ['AAPL']);
    const fields = realTimeSpecs['/real-time/tweet-buzz'].fields;
    const interleaved = Array.from({ length: 5 }, () => {
      generator.next('/real-time/tweet-buzz', fields, 'TSLA', time);
      return generator.next('/real-time/tweet-buzz', fields, 'AAPL', time);
    });
    expect(interleaved).toEqual(alone);
  });

  it.each(Object.keys(realTimeSpecs) as (keyof typeof realTimeSpecs)[])(
    '%s: exactly the catalogue fields, each in the shape of its kind',
    (path) => {
      const { fields } = realTimeSpecs[path];
      for (const record of series(11, path, 50)) {
        expect(Object.keys(record).sort()).toEqual(Object.keys(fields).sort());
        for (const [name, spec] of Object.entries(fields)) {
          const value = record[name];
          if (spec.kind === 'timestamp') expect(value).toBe(time.toISOString());
          else if (spec.kind === 'decimal') expect(value).toMatch(DECIMAL);
          else if (spec.kind === 'nullable-decimal')
            expect(value === null || DECIMAL.test(value ?? '')).toBe(true);
          else if (spec.kind === 'integer') expect(value).toMatch(/^\d+$/);
          else if (name === 'ticker') expect(value).toBe('AAPL');
          else expect(value).toMatch(/^\d{9}$/); // user_id
        }
      }
    },
  );

  it('keeps values realistic: sentiment in [-1, 1], z-scores around 0, buzz and volume non-negative', () => {
    const values = (path: keyof typeof realTimeSpecs, field: string) =>
      series(5, path, 300).map((record) => Number(record[field]));
    const sentiment = values('/real-time/crowd-sentiment', 'crowd_sentiment');
    expect(Math.min(...sentiment)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...sentiment)).toBeLessThanOrEqual(1);
    const z = values('/real-time/crowd-sentiment-z-score', 'z_score');
    expect(Math.max(...z.map(Math.abs))).toBeLessThanOrEqual(3);
    expect(Math.min(...values('/real-time/tweet-buzz', 'buzz'))).toBeGreaterThanOrEqual(0);
    const volume = values('/real-time/tweet-volume', 'volume');
    expect(volume.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('sometimes sends null for a nullable decimal', () => {
    const records = series(1, '/real-time/user-sentiment', 400);
    const nulls = records.filter((record) => record['user_score'] === null).length;
    expect(nulls).toBeGreaterThan(0);
    expect(nulls).toBeLessThan(100);
  });
});

describe('random walk', () => {
  it('is seeded, bounded and moves at most `step` plus its pull per call', () => {
    const a = randomWalk(mulberry32(hashSeed(1, 'x')), { min: -1, max: 1, step: 0.1 });
    const b = randomWalk(mulberry32(hashSeed(1, 'x')), { min: -1, max: 1, step: 0.1 });
    let previous = a();
    expect(b()).toBe(previous);
    for (let index = 0; index < 500; index += 1) {
      const next = a();
      expect(next).toBe(b());
      expect(Math.abs(next - previous)).toBeLessThanOrEqual(0.2);
      expect(Math.abs(next)).toBeLessThanOrEqual(1);
      previous = next;
    }
  });
});
