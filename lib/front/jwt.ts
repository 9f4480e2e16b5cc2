import { createHmac, timingSafeEqual } from 'node:crypto';
import { isObject } from '../util/is-object';

/** The claims the local server puts in (and expects from) its tokens. */
export interface JwtClaims {
  /** Key id, never the API key itself. */
  readonly sub: string;
  /** Unique token id, used for revocation. */
  readonly jti: string;
  /** Issued at, in seconds since the epoch. */
  readonly iat: number;
  /** Expires at, in seconds since the epoch. */
  readonly exp: number;
  /** The streaming paths the key may use, when it is restricted (upstream's claim name). */
  readonly streaming_endpoint_paths?: readonly string[];
  /** The relay's: what its `authorize` answered for this token's holder (JSON), for `entitle`. */
  readonly claims?: unknown;
}

export type JwtVerification =
  | { readonly ok: true; readonly claims: JwtClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad signature' | 'unsupported algorithm' };

const HEADER = { alg: 'HS256', typ: 'JWT' } as const;

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const sign = (input: string, secret: string): Buffer => createHmac('sha256', secret).update(input).digest();

/** An HS256 JSON Web Token (RFC 7519) for `claims`. */
export const signJwt = (claims: JwtClaims, secret: string): string => {
  const input = `${encode(HEADER)}.${encode(claims)}`;
  return `${input}.${sign(input, secret).toString('base64url')}`;
};

const parseJson = (segment: string): unknown => {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

const isClaims = (value: unknown): value is JwtClaims =>
  isObject(value) &&
  typeof value['sub'] === 'string' &&
  typeof value['jti'] === 'string' &&
  typeof value['iat'] === 'number' &&
  typeof value['exp'] === 'number';

/**
 * Checks the signature of an HS256 token and returns its claims. Expiry and revocation are the caller's
 * business: they need a clock and state this module does not have.
 */
export const verifyJwt = (token: string, secret: string): JwtVerification => {
  const [header, payload, signature, ...rest] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined || rest.length > 0) {
    return { ok: false, reason: 'malformed' };
  }
  const parsedHeader = parseJson(header);
  if (!isObject(parsedHeader)) return { ok: false, reason: 'malformed' };
  // Only HS256: accepting the header's `alg` blindly is the classic `alg: none` hole.
  if (parsedHeader['alg'] !== 'HS256') return { ok: false, reason: 'unsupported algorithm' };
  const expected = sign(`${header}.${payload}`, secret);
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: 'bad signature' };
  }
  const claims = parseJson(payload);
  return isClaims(claims) ? { ok: true, claims } : { ok: false, reason: 'malformed' };
};
