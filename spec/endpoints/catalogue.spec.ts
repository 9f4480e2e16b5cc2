import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either';
import {
  customEndpoint,
  endpointCodecsFor,
  historicalEndpoints,
  historicalParamCodecs,
  historicalSpecs,
  isCustomEndpoint,
  realTimeEndpoints,
  realTimeSpecs,
  recordCodec,
} from '../../lib/endpoints';
import { upstreamFixturesDir } from '../support/upstream-fixtures';

interface DocumentedEndpoint {
  readonly path: string;
  readonly required: string[];
  readonly optional: string[];
  readonly fields: string[];
}

// Read ENDPOINTS.md so the catalogue is checked against upstream's docs, not against itself.
const documented: DocumentedEndpoint[] = readFileSync(path.join(upstreamFixturesDir, 'ENDPOINTS.md'), 'utf8')
  .split('\n## `GET ')
  .slice(1)
  .map((section) => {
    const rows = [...section.matchAll(/^(\w+) \| .*? \| (yes|no) \| /gm)];
    const fieldList =
      /Record fields: (.*?)(?: —|$)/m.exec(section)?.[1] ??
      /record fields, from .*?: (.*?) —/.exec(section)?.[1] ??
      '';
    return {
      path: section.slice(0, section.indexOf('`')),
      required: rows.filter((row) => row[2] === 'yes').map((row) => row[1] ?? ''),
      optional: rows.filter((row) => row[2] === 'no').map((row) => row[1] ?? ''),
      fields: [...fieldList.matchAll(/`(\w+)`/g)].map((match) => match[1] ?? ''),
    };
  });

const allSpecs: Record<string, { fields: Record<string, { kind: string; aliases?: readonly string[] }> }> = {
  ...realTimeSpecs,
  ...historicalSpecs,
};

describe('historicalSpecs', () => {
  const historical = documented.filter((endpoint) => endpoint.path.startsWith('/historical/'));

  it('covers every documented historical path and nothing else', () => {
    expect(historical).toHaveLength(41);
    expect(Object.keys(historicalSpecs).sort()).toEqual(historical.map((endpoint) => endpoint.path).sort());
  });

  it.each(historical)('$path has the documented params', ({ path: endpoint, required, optional }) => {
    const spec = historicalSpecs[endpoint as keyof typeof historicalSpecs];
    expect(spec.params).toEqual({ required, optional });
    for (const name of [...required, ...optional]) expect(Object.keys(historicalParamCodecs)).toContain(name);
  });

  it.each(documented)('$path reads every documented field', ({ path: endpoint, fields }) => {
    expect(fields.length).toBeGreaterThanOrEqual(3);
    const spec = allSpecs[endpoint];
    expect(spec).toBeDefined();
    const names = Object.entries(spec?.fields ?? {}).flatMap(([name, field]) => [
      name,
      ...(field.aliases ?? []),
    ]);
    for (const field of fields) expect(names).toContain(field);
  });

  it.each(Object.entries(historicalSpecs))('%s has a range that fits its params', (_path, spec) => {
    const params: readonly string[] = [...spec.params.required, ...spec.params.optional];
    if (spec.range === 'daily') expect(params).toContain('start_date');
    if (spec.range === 'none') expect(params.some((name) => name.startsWith('start_'))).toBe(false);
  });
});

describe('catalogue lookup', () => {
  it.each([...Object.keys(realTimeSpecs), ...Object.keys(historicalSpecs)])('%s has codecs', (endpoint) => {
    expect(endpointCodecsFor(endpoint)?.results).toBeDefined();
    expect(endpointCodecsFor(endpoint)?.params).toBeDefined();
  });

  it('maps the same objects as the endpoint maps', () => {
    expect(endpointCodecsFor('/real-time/tweet-volume')).toBe(realTimeEndpoints['/real-time/tweet-volume']);
    expect(endpointCodecsFor('/historical/tweet-volume')).toBe(
      historicalEndpoints['/historical/tweet-volume'],
    );
  });

  it('reads bare stream names as real-time paths', () => {
    expect(endpointCodecsFor('crowd-sentiment')).toBe(realTimeEndpoints['/real-time/crowd-sentiment']);
  });

  it.each([
    '/real-time/nope',
    '/historical/nope',
    '',
    'constructor',
    '__proto__',
    '/real-time/toString',
    'toString',
  ])('%p is outside the catalogue', (endpoint) => {
    expect(endpointCodecsFor(endpoint)).toBeUndefined();
  });
});

describe('customEndpoint', () => {
  const results = t.array(recordCodec({ ts: { kind: 'timestamp' }, score: { kind: 'decimal' } }));

  it('describes a path outside the catalogue with its codecs', () => {
    const endpoint = customEndpoint('/real-time/new-metric', results);
    expect(endpoint).toEqual({
      kind: 'custom-endpoint',
      path: '/real-time/new-metric',
      results,
      params: t.UnknownRecord,
    });
    expect(isCustomEndpoint(endpoint)).toBe(true);
    expect(endpoint.results.decode([{ ts: 0, score: '1.5' }])).toEqual({
      _tag: 'Right',
      right: [{ ts: new Date(0), score: 1.5 }],
    });
    expect(isLeft(endpoint.params.decode('x'))).toBe(true);
  });

  it('takes a params codec', () => {
    const params = t.type({ region: t.string });
    const endpoint = customEndpoint('/real-time/new-metric', results, params);
    expect(endpoint.params).toBe(params);
  });

  it.each(['', '  '])('refuses the path %p', (endpoint) => {
    expect(() => customEndpoint(endpoint, results)).toThrow(
      'customEndpoint: path must be a non-empty string',
    );
  });

  it.each([null, undefined, '/real-time/x', { kind: 'other' }])('isCustomEndpoint(%p) is false', (value) => {
    expect(isCustomEndpoint(value)).toBe(false);
  });
});
