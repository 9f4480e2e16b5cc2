import { createCallerAddress, type TrustProxy } from '../relay/trust-proxy';
import { type CorsOrigins, corsOrigins } from '../front/cors';
import { fail, ok, stringFlag, type Read, type ReadFlags } from './read-flags';

/** The relay's access control from the command line: `--cors`, `--trust-proxy`. */
export interface RelayAccess {
  /** `--cors`: web origins whose pages may use the relay; `[]` (default): same-origin only. */
  readonly origins: CorsOrigins;
  /** `--trust-proxy`: the proxy hops in front of the relay; `undefined`: none. */
  readonly trustProxy: TrustProxy | undefined;
}

export const relayAccessFlags = { cors: 'string', 'trust-proxy': 'string' } as const;

export const relayAccessHelp = `  --cors ORIGINS        web origins whose pages may use the relay, comma-separated
                        (https://app.example.com,https://admin.example.com), or '*' (default: none)
  --trust-proxy HOPS    the proxies in front of the relay, to read callers from X-Forwarded-For:
                        a number of hops (1) or addresses, CIDR blocks, loopback, comma-separated
                        (default: none; a forwarded request gets no token without --public)`;

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** Reads `--cors` and `--trust-proxy`, checked as `startRelay` checks them. */
export const parseRelayAccess = (flags: ReadFlags['flags']): Read<RelayAccess> => {
  const cors = stringFlag(flags, 'cors');
  let origins: CorsOrigins = [];
  if (cors !== undefined) {
    try {
      origins = corsOrigins('--cors', cors.trim() === '*' ? '*' : list(cors));
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  }
  const trust = stringFlag(flags, 'trust-proxy');
  let trustProxy: TrustProxy | undefined;
  if (trust !== undefined) {
    trustProxy = /^\d+$/.test(trust.trim()) ? Number(trust) : list(trust);
    try {
      createCallerAddress(trustProxy);
    } catch {
      return fail(
        `--trust-proxy must be a number of hops or addresses, CIDR blocks and loopback, comma-separated, got '${trust}'`,
      );
    }
  }
  return ok({ origins, trustProxy });
};
