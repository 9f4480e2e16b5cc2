import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeReason } from '../util/describe-reason';
import { sendError, sendJson } from '../util/http-reply';
import { basicAuthUser } from './basic-auth';
import type { ServerLog } from './server-log';
import type { TokenAuthority } from './token-authority';

/** Injected failures of `POST /jwt`: the next `remaining` requests answer `status`. */
export interface TokenFaults {
  remaining: number;
  status: number;
}

/** What `POST /jwt` answers: a token for a key id, or a refusal with its status. */
export type TokenAnswer =
  | { readonly ok: true; readonly keyId: string; readonly token: string }
  | {
      readonly ok: false;
      readonly status: number;
      readonly type: 'invalid_request_error' | 'api_error';
      readonly message: string;
    };

/** Decides `POST /jwt`: the local server checks an API key, the relay asks its `authorize`. */
export type TokenIssuer = (request: IncomingMessage) => TokenAnswer | Promise<TokenAnswer>;

export interface TokenRouteDeps {
  readonly issue: TokenIssuer;
  readonly log: ServerLog;
  readonly countRequest: () => void;
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

const answer = (response: ServerResponse, log: ServerLog, result: TokenAnswer): void => {
  if (response.headersSent || response.destroyed) return;
  if (result.ok) {
    log.add({ type: 'token', outcome: 'issued', keyId: result.keyId, token: result.token });
    sendJson(response, 200, { token: result.token });
    return;
  }
  log.add({ type: 'token', outcome: 'refused', status: result.status, reason: result.message });
  sendError(response, result.status, result.type, result.message);
};

/** `POST /jwt` → `{ token }`, or upstream's JSON error shape. An issuer that throws is a 500. */
export const handleTokenRequest = (
  request: IncomingMessage,
  response: ServerResponse,
  deps: TokenRouteDeps,
): void => {
  deps.countRequest();
  const failed = (error: unknown): TokenAnswer => ({
    ok: false,
    status: 500,
    type: 'api_error',
    message: `Token issuer failed: ${describeReason(error)}`,
  });
  let result: TokenAnswer | Promise<TokenAnswer>;
  try {
    result = deps.issue(request);
  } catch (error) {
    result = failed(error);
  }
  if (result instanceof Promise) {
    result.then(
      (value) => answer(response, deps.log, value),
      (error: unknown) => answer(response, deps.log, failed(error)),
    );
  } else answer(response, deps.log, result);
};
