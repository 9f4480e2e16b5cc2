import type { TokenIssuer } from '../front/token-route';
import type { TokenAuthority } from '../front/token-authority';
import { basicAuthUser } from './basic-auth';

/** Injected failures of `POST /jwt`: the next `remaining` requests answer `status`. */
export interface TokenFaults {
  remaining: number;
  status: number;
}

/** The local server's issuer: HTTP Basic auth with a configured API key (injected failures first). */
export const apiKeyIssuer =
  (authority: TokenAuthority, faults: TokenFaults): TokenIssuer =>
  (request) => {
    if (faults.remaining > 0) {
      faults.remaining -= 1;
      const status = faults.status;
      return { ok: false, status, type: 'api_error', message: `Injected failure (HTTP ${status})` };
    }
    const apiKey = basicAuthUser(request.headers.authorization);
    const keyId = apiKey === undefined ? undefined : authority.keyIdOf(apiKey);
    if (apiKey === undefined || keyId === undefined) {
      const message = apiKey === undefined ? 'No API key provided' : 'Invalid API key provided';
      return { ok: false, status: 401, type: 'invalid_request_error', message };
    }
    return { ok: true, keyId, token: authority.issue(apiKey) };
  };
