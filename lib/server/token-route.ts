import type { IncomingMessage, ServerResponse } from 'node:http';
import { basicAuthUser } from './basic-auth';
import { sendError, sendJson } from './http-reply';
import type { ServerLog } from './server-log';
import type { TokenAuthority } from './token-authority';

/** Injected failures of `POST /jwt`: the next `remaining` requests answer `status`. */
export interface TokenFaults {
  remaining: number;
  status: number;
}

export interface TokenRouteDeps {
  readonly authority: TokenAuthority;
  readonly faults: TokenFaults;
  readonly log: ServerLog;
  readonly countRequest: () => void;
}

/** `POST /jwt`: Basic auth with an API key → `{ token }`. */
export const handleTokenRequest = (
  request: IncomingMessage,
  response: ServerResponse,
  deps: TokenRouteDeps,
): void => {
  const { authority, faults, log } = deps;
  deps.countRequest();
  // Drain the body (ignored) so keep-alive connections stay usable.
  request.resume();
  if (faults.remaining > 0) {
    faults.remaining -= 1;
    log.add({ type: 'token', outcome: 'refused', status: faults.status, reason: 'injected failure' });
    sendError(response, faults.status, 'api_error', `Injected failure (HTTP ${faults.status})`);
    return;
  }
  const apiKey = basicAuthUser(request.headers.authorization);
  const keyId = apiKey === undefined ? undefined : authority.keyIdOf(apiKey);
  if (apiKey === undefined || keyId === undefined) {
    const message = apiKey === undefined ? 'No API key provided' : 'Invalid API key provided';
    log.add({ type: 'token', outcome: 'refused', status: 401, reason: message });
    sendError(response, 401, 'invalid_request_error', message);
    return;
  }
  const token = authority.issue(apiKey);
  log.add({ type: 'token', outcome: 'issued', keyId, token });
  sendJson(response, 200, { token });
};
