import fc from 'fast-check';
import { subscriptionKey } from '../../lib/subscription/canonical-key';
import { createRouteIndex, routeKey } from '../../lib/subscription/route-index';
import { copyJsonData, jsonDataProblem } from '../../lib/util/json-data';

const RUNS = { numRuns: 300 };
const PATHS = ['/real-time/crowd-sentiment', '/real-time/tweet-volume'];

/** Params as subscriptions and echoes have them: mostly `{}` and one leaf, some nested or wider. */
const leaf = fc.oneof(
  fc.constantFrom('AAPL', 'MSFT', '', '1', 'null', 'true'),
  fc.constantFrom(0, -0, 1, 1.5, -2),
  fc.boolean(),
  fc.constant(null),
);
const params = fc.oneof(
  fc.constant({}),
  fc.record({ ticker: leaf }),
  fc.dictionary(fc.constantFrom('ticker', 'a', '', '__proto__', 'constructor'), leaf, { maxKeys: 1 }),
  fc.dictionary(fc.constantFrom('ticker', 'a', 'b'), fc.oneof(leaf, fc.constant(undefined)), { maxKeys: 3 }),
  fc.record({ ticker: fc.jsonValue({ maxDepth: 2 }) }),
  fc
    .jsonValue({ maxDepth: 3 })
    .filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
) as fc.Arbitrary<Record<string, unknown>>;

/** Params as `JSON.parse` hands them over: own "__proto__" keys stay keys. */
const fromJson = (value: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

/** What the hub does with echoed params: the route index for those with a route key, else the canonical key. */
const router = (subscribed: readonly { path: string; params: Record<string, unknown> }[]) => {
  const index = createRouteIndex<string>();
  const byKey = new Map<string, string>();
  for (const { path, params: raw } of subscribed) {
    const copy = copyJsonData(raw);
    if (!copy.ok) continue;
    const key = subscriptionKey(path, copy.value);
    if (byKey.has(key)) continue;
    byKey.set(key, key);
    index.set(path, copy.value, key);
  }
  return {
    index,
    byKey,
    route: (path: string, echoed: Record<string, unknown>): string | undefined => {
      const key = routeKey(echoed);
      return key === undefined ? byKey.get(subscriptionKey(path, echoed)) : index.get(path, echoed, key);
    },
  };
};

describe('routeKey', () => {
  it('is the key of one leaf, "" for none, undefined for anything else', () => {
    expect(routeKey({})).toBe('');
    expect(routeKey({ ticker: undefined })).toBe('');
    expect(routeKey({ ticker: 'AAPL' })).toBe('ticker');
    expect(routeKey({ ticker: 'AAPL', a: undefined })).toBe('ticker');
    expect(routeKey({ n: null })).toBe('n');
    expect(routeKey({ ticker: 'AAPL', a: 1 })).toBeUndefined();
    expect(routeKey({ ticker: ['AAPL'] })).toBeUndefined();
    expect(routeKey({ ticker: { s: 'AAPL' } })).toBeUndefined();
    expect(routeKey({ ticker: Number.NaN })).toBeUndefined();
    expect(routeKey({ '': 'AAPL' })).toBe('');
    expect(routeKey(Object.create({ ticker: 'AAPL' }) as Record<string, unknown>)).toBe('');
  });

  it('only passes params that are JSON data within the limits (no walk needed)', () => {
    const anything = fc.anything({
      withDate: true,
      withMap: true,
      withBigInt: true,
      withNullPrototype: true,
    });
    fc.assert(
      fc.property(fc.oneof(params, fc.dictionary(fc.string(), anything, { maxKeys: 2 })), (value) => {
        if (routeKey(value) !== undefined) expect(jsonDataProblem(value)).toBeUndefined();
      }),
      RUNS,
    );
  });
});

describe('createRouteIndex', () => {
  it('routes echoed params to the subscription whose canonical key they have, and to no other', () => {
    const subscription = fc.record({ path: fc.constantFrom(...PATHS), params });
    fc.assert(
      fc.property(fc.array(subscription, { maxLength: 12 }), subscription, (subscribed, echo) => {
        const { route, byKey } = router(subscribed);
        const echoed = fromJson(echo.params);
        const expected = byKey.get(subscriptionKey(echo.path, echoed));
        expect(route(echo.path, echoed)).toBe(expected);
        // Every subscription is found from its own params as the server echoes them.
        for (const { path, params: raw } of subscribed) {
          const copy = copyJsonData(raw);
          if (copy.ok) expect(route(path, fromJson(copy.value))).toBe(subscriptionKey(path, copy.value));
        }
      }),
      RUNS,
    );
  });

  it('forgets what it is told to, and keeps no map for a path or key nobody subscribes to', () => {
    const index = createRouteIndex<string>();
    index.set(PATHS[0] as string, { ticker: 'AAPL' }, 'aapl');
    index.set(PATHS[0] as string, { ticker: 'MSFT' }, 'msft');
    index.set(PATHS[0] as string, {}, 'all');
    expect(index.get(PATHS[0] as string, { ticker: 'AAPL' }, 'ticker')).toBe('aapl');
    expect(index.get(PATHS[0] as string, {}, '')).toBe('all');
    expect(index.get(PATHS[1] as string, {}, '')).toBeUndefined();
    index.set(PATHS[0] as string, { ticker: 'AAPL' }, undefined);
    expect(index.get(PATHS[0] as string, { ticker: 'AAPL' }, 'ticker')).toBeUndefined();
    expect(index.get(PATHS[0] as string, { ticker: 'MSFT' }, 'ticker')).toBe('msft');
    index.set(PATHS[0] as string, { ticker: 'MSFT' }, undefined);
    index.set(PATHS[0] as string, {}, undefined);
    expect(index.get(PATHS[0] as string, {}, '')).toBeUndefined();
    // -0 is 0 in JSON, and in the index.
    index.set(PATHS[1] as string, { n: 0 }, 'zero');
    expect(index.get(PATHS[1] as string, { n: -0 }, 'n')).toBe('zero');
    expect(index.get(PATHS[1] as string, { n: '0' }, 'n')).toBeUndefined();
  });
});
