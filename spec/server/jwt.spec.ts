import { createHmac } from 'node:crypto';
import { signJwt, verifyJwt, type JwtClaims } from '../../lib/front/jwt';

const claims: JwtClaims = { sub: 'key_1', jti: 'j1', iat: 1_700_000_000, exp: 1_700_018_000 };

describe('jwt (HS256)', () => {
  it('signs a three-part base64url token that verifies with the same secret', () => {
    const token = signJwt(claims, 's3cret');
    const [header, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toEqual(claims);
    expect(verifyJwt(token, 's3cret')).toEqual({ ok: true, claims });
  });

  it('matches an HMAC-SHA256 computed independently', () => {
    const token = signJwt(claims, 'k');
    const [header, payload, signature] = token.split('.');
    const expected = createHmac('sha256', 'k').update(`${header}.${payload}`).digest('base64url');
    expect(signature).toBe(expected);
  });

  it('refuses another secret, a tampered payload and a truncated signature', () => {
    const token = signJwt(claims, 'a');
    expect(verifyJwt(token, 'b')).toEqual({ ok: false, reason: 'bad signature' });
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'key_2' })).toString('base64url');
    expect(verifyJwt(`${header}.${forged}.${signature}`, 'a')).toEqual({
      ok: false,
      reason: 'bad signature',
    });
    expect(verifyJwt(token.slice(0, -4), 'a')).toEqual({ ok: false, reason: 'bad signature' });
  });

  it("refuses alg 'none' and malformed tokens", () => {
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    expect(verifyJwt(`${none}.${payload}.`, 'a')).toEqual({ ok: false, reason: 'unsupported algorithm' });
    expect(verifyJwt('not-a-jwt', 'a')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('a.b.c.d', 'a')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('!!!.x.y', 'a')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a well-signed token without the expected claims', () => {
    const token = signJwt({ sub: 'x' } as unknown as JwtClaims, 'a');
    expect(verifyJwt(token, 'a')).toEqual({ ok: false, reason: 'malformed' });
  });
});
