import fc from 'fast-check';
import { realTimeParamsCodecs } from '../../lib/endpoints';
import { canonicalPath, realTimeSpecOf } from '../../lib/endpoints/paths';
import {
  type RealTimeParamsKind,
  realTimeParamsProblem,
  realTimeParamsTable,
} from '../../lib/endpoints/real-time-params';

const kinds = Object.keys(realTimeParamsTable) as RealTimeParamsKind[];

describe('the real-time params rule (one for the codecs, the server and the CLI)', () => {
  it.each<[RealTimeParamsKind, Record<string, unknown>, ReturnType<typeof realTimeParamsProblem>]>([
    ['ticker-optional', {}, undefined],
    ['ticker-optional', { ticker: 'AAPL' }, undefined],
    ['ticker-optional', { ticker: undefined }, undefined],
    ['ticker-optional', { tiker: 'AAPL' }, { kind: 'unknown', name: 'tiker', takes: ['ticker'] }],
    ['ticker-optional', { ticker: 'aapl' }, { kind: 'invalid', name: 'ticker', value: 'aapl' }],
    ['ticker-optional', { ticker: null }, { kind: 'invalid', name: 'ticker', value: null }],
    ['none', {}, undefined],
    ['none', { ticker: 'AAPL' }, { kind: 'takes-none', name: 'ticker' }],
  ])('%s %p: %p', (kind, params, problem) => {
    expect(realTimeParamsProblem(kind, params)).toEqual(problem);
  });

  it('finds a problem exactly when the params codec of the kind refuses the params', () => {
    const name = fc.constantFrom('ticker', 'tiker', 'symbol', '__proto__');
    const value = fc.oneof(fc.constantFrom('AAPL', '6E_F', 'aapl', ''), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.dictionary(name, value), (kind, params) => {
        const refused = !realTimeParamsCodecs[kind].is(params);
        expect(realTimeParamsProblem(kind, params) !== undefined).toBe(refused);
      }),
      { numRuns: 500 },
    );
  });
});

describe('canonicalPath: the one path normaliser', () => {
  it.each([
    ['/real-time/crowd-sentiment', '/real-time/crowd-sentiment'],
    ['real-time/crowd-sentiment', '/real-time/crowd-sentiment'],
    ['crowd-sentiment', '/real-time/crowd-sentiment'],
    ['/crowd-sentiment', '/real-time/crowd-sentiment'],
    ['//real-time//crowd-sentiment', '/real-time/crowd-sentiment'],
    ['/historical/tweet-volume', '/historical/tweet-volume'],
  ])('%p → %p', (path, canonical) => {
    expect(canonicalPath(path)).toBe(canonical);
  });

  it('finds catalogue entries however they are spelt, and nothing outside it', () => {
    expect(realTimeSpecOf('crowd-sentiment')).toBeDefined();
    expect(realTimeSpecOf('/real-time/crowd-sentiment')).toBe(realTimeSpecOf('real-time/crowd-sentiment'));
    expect(realTimeSpecOf('constructor')).toBeUndefined();
    expect(realTimeSpecOf('/historical/tweet-volume')).toBeUndefined();
  });
});
