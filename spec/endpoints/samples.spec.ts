import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isLeft } from 'fp-ts/lib/Either';
import {
  endpointCodecsFor,
  formatValidationErrors,
  historicalSpecs,
  realTimeEndpoints,
  realTimeSpecs,
} from '../../lib/endpoints';
import { upstreamSamplesDir as samplesDir } from '../support/upstream-fixtures';

const files = readdirSync(samplesDir).filter((file) => file.endsWith('.json'));

const pathOf = (file: string): string => {
  const match = /^(real-time|historical)__(.+)\.json$/.exec(file);
  if (!match) throw new Error(`Unexpected sample file name ${file}`);
  return `/${match[1]}/${match[2]}`;
};

describe('upstream samples', () => {
  it('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(52);
  });

  it.each(files)('%s decodes with its endpoint codec', (file) => {
    const endpoint = pathOf(file);
    const codec = endpointCodecsFor(endpoint)?.results;
    expect(codec).toBeDefined();
    const sample: unknown = JSON.parse(readFileSync(path.join(samplesDir, file), 'utf8'));
    const result = codec!.decode(sample);
    expect(isLeft(result) ? formatValidationErrors(result.left) : []).toEqual([]);
    if (isLeft(result)) return;

    const records = result.right as Record<string, unknown>[];
    const spec = { ...realTimeSpecs, ...historicalSpecs }[endpoint as keyof typeof realTimeSpecs];
    expect(records).toHaveLength((sample as unknown[]).length);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(Object.keys(spec.fields));
      expect(record['ts']).toBeInstanceOf(Date);
      for (const [name, field] of Object.entries(spec.fields)) {
        const value = record[name];
        if (field.kind === 'decimal' || field.kind === 'integer') expect(Number.isFinite(value)).toBe(true);
        if (field.kind === 'integer') expect(Number.isInteger(value)).toBe(true);
        if (field.kind === 'text') expect(typeof value).toBe('string');
      }
    }
  });

  it('decode to the exact values of the wire', () => {
    const sample: unknown = JSON.parse(
      readFileSync(path.join(samplesDir, 'real-time__tweet-volume.json'), 'utf8'),
    );
    expect(realTimeEndpoints['/real-time/tweet-volume'].results.decode(sample)).toEqual({
      _tag: 'Right',
      right: [
        { ts: new Date('2014-08-12T20:40:00.000Z'), ticker: 'AAPL', volume: 2 },
        { ts: new Date('2014-08-12T20:42:00.000Z'), ticker: 'AAPL', volume: 1 },
        { ts: new Date('2014-08-12T20:43:00.000Z'), ticker: 'AAPL', volume: 2 },
      ],
    });
  });
});
