import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeReason } from '../util/describe-reason';
import { sendError, sendJson } from '../util/http-reply';
import type { Report } from './hooks';

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
  /** Hears each token issued or refused. */
  readonly report: Report;
  readonly countRequest: () => void;
}

const answer = (response: ServerResponse, report: Report, result: TokenAnswer): void => {
  if (response.headersSent || response.destroyed) return;
  if (result.ok) {
    report({ type: 'token', outcome: 'issued', keyId: result.keyId, token: result.token });
    sendJson(response, 200, { token: result.token });
    return;
  }
  report({ type: 'token', outcome: 'refused', status: result.status, reason: result.message });
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
      (value) => answer(response, deps.report, value),
      (error: unknown) => answer(response, deps.report, failed(error)),
    );
  } else answer(response, deps.report, result);
};
