import { readJwtExpiry } from '../../lib/token/jwt-expiry';
import { exponentialBackoff } from '../../lib/lifecycle/policy';

const jwt = (payload: unknown) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

describe('readJwtExpiry', () => {
  it.each([
    ['an exp claim', jwt({ exp: 1_700_000_000 }), 1_700_000_000_000],
    ['no exp (later upstream tokens)', jwt({ endpoint_paths: ['/x'] }), undefined],
    ['a non-numeric exp', jwt({ exp: 'soon' }), undefined],
    ['an opaque token', 'opaque', undefined],
    ['a payload that is not JSON', 'a.b@d.c', undefined],
    ['a payload that is not an object', jwt(42), undefined],
  ])('reads %s', (_case, token, expected) => {
    expect(readJwtExpiry(token)).toBe(expected);
  });
});

describe('exponentialBackoff', () => {
  it('doubles from the base up to the cap, scaled by 0.5–1 jitter', () => {
    const low = exponentialBackoff(1_000, 8_000, () => 0);
    const high = exponentialBackoff(1_000, 8_000, () => 1);
    expect([1, 2, 3, 4, 5, 10].map(low)).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
    expect([1, 2, 3, 4, 5, 10].map(high)).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });
});
