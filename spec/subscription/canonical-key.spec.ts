import { canonicalJson, subscriptionKey } from '../../lib/subscription/canonical-key';

describe('canonicalJson', () => {
  it('ignores key order at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(canonicalJson({ ticker: 'AAPL', z: 1 })).toBe(canonicalJson({ z: 1, ticker: 'AAPL' }));
    expect(canonicalJson({ ticker: 'AAPL' })).not.toBe(canonicalJson({ ticker: 'TSLA' }));
  });

  it('writes primitives as JSON and undefined as null', () => {
    expect([canonicalJson('a'), canonicalJson(1), canonicalJson(null), canonicalJson(undefined)]).toEqual([
      '"a"',
      '1',
      'null',
      'null',
    ]);
  });
});

describe('subscriptionKey', () => {
  it('is the same for the same path and params in any key order, and differs by path', () => {
    expect(subscriptionKey('/real-time/tweet-buzz', { ticker: 'AAPL', a: 1 })).toBe(
      subscriptionKey('/real-time/tweet-buzz', { a: 1, ticker: 'AAPL' }),
    );
    expect(subscriptionKey('/real-time/tweet-buzz', {})).not.toBe(
      subscriptionKey('/real-time/tweet-volume', {}),
    );
  });
});
