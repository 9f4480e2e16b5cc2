import { createHash, randomUUID } from 'node:crypto';
import { type JwtClaims, signJwt, verifyJwt } from './jwt';

/** Why a handshake was refused; sent to the client as `connect_error`'s `data.code`. */
export type HandshakeErrorCode = 'missing_token' | 'invalid_token' | 'token_expired';

export type TokenCheck =
  | { readonly ok: true; readonly claims: JwtClaims }
  | { readonly ok: false; readonly code: HandshakeErrorCode; readonly message: string };

/** Issues tokens for API keys and judges the tokens handshakes present. */
export interface TokenAuthority {
  /** The key id of a configured API key, or undefined when the key is unknown. */
  keyIdOf(apiKey: string): string | undefined;
  /** A token for `apiKey`; `claims` (JSON) travel in it as its `claims` claim. */
  issue(apiKey: string, claims?: Readonly<Record<string, unknown>>): string;
  check(token: unknown): TokenCheck;
  /** The canonical paths a key id may use, or undefined for every path. */
  pathsOf(keyId: string): readonly string[] | undefined;
  /** Every token issued or seen so far stops being valid, refused as `reason`. */
  invalidateAll(reason: 'revoked' | 'expired'): void;
}

/** The token's subject: a hash of the key, so the key never travels inside the token. */
const keyIdFor = (apiKey: string): string =>
  `key_${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;

const refused = (code: HandshakeErrorCode, message: string): TokenCheck => ({ ok: false, code, message });

export interface TokenAuthorityOptions {
  /** The HMAC secret tokens are signed with. */
  readonly secret: string;
  /** How long an issued token is valid, in ms. */
  readonly tokenTtl: number;
  /** Now, in ms since the epoch. */
  readonly clock: () => number;
  /** API key → the canonical paths it may use, `undefined` for all. */
  readonly apiKeys: ReadonlyMap<string, readonly string[] | undefined>;
}

export const createTokenAuthority = (options: TokenAuthorityOptions): TokenAuthority => {
  const { secret, tokenTtl, clock } = options;
  const byKeyId = new Map<
    string,
    { readonly apiKey: string; readonly paths: readonly string[] | undefined }
  >();
  for (const [apiKey, paths] of options.apiKeys) byKeyId.set(keyIdFor(apiKey), { apiKey, paths });
  const known = new Set<string>();
  const invalidated = new Map<string, 'revoked' | 'expired'>();

  return {
    keyIdOf: (apiKey) => (options.apiKeys.has(apiKey) ? keyIdFor(apiKey) : undefined),
    issue(apiKey, extra) {
      const sub = keyIdFor(apiKey);
      const paths = byKeyId.get(sub)?.paths;
      const iat = Math.floor(clock() / 1000);
      const claims: JwtClaims = {
        sub,
        jti: randomUUID(),
        iat,
        exp: iat + Math.max(1, Math.round(tokenTtl / 1000)),
        ...(paths === undefined ? {} : { streaming_endpoint_paths: paths }),
        ...(extra === undefined ? {} : { claims: extra }),
      };
      known.add(claims.jti);
      return signJwt(claims, secret);
    },
    check(token) {
      if (token === undefined || token === '') return refused('missing_token', 'missing token');
      if (typeof token !== 'string') return refused('invalid_token', 'invalid token: not a string');
      const verified = verifyJwt(token, secret);
      if (!verified.ok) return refused('invalid_token', `invalid token: ${verified.reason}`);
      const { claims } = verified;
      known.add(claims.jti);
      const invalid = invalidated.get(claims.jti);
      if (invalid === 'revoked') return refused('invalid_token', 'invalid token: revoked');
      if (invalid === 'expired' || clock() >= claims.exp * 1000)
        return refused('token_expired', 'token expired');
      if (!byKeyId.has(claims.sub)) return refused('invalid_token', 'invalid token: unknown key');
      return { ok: true, claims };
    },
    pathsOf: (keyId) => byKeyId.get(keyId)?.paths,
    invalidateAll(reason) {
      for (const jti of known) invalidated.set(jti, reason);
    },
  };
};
