import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Upstream's JSON error shape (`{ error: { type, message } }`), so `proxyToken` reads both alike. */
export type ErrorType = 'invalid_request_error' | 'api_error';

/** Tokens and refusals alike are per request: nothing here may be cached by a browser or a CDN. */
export const sendJson = (
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void => {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(JSON.stringify(body));
};

/** `{ error: { type, message } }`, with a machine-readable `code` where the caller must tell failures apart. */
export const sendError = (
  response: ServerResponse,
  status: number,
  type: ErrorType,
  message: string,
  headers?: OutgoingHttpHeaders,
  code?: string,
): void =>
  sendJson(
    response,
    status,
    { error: code === undefined ? { type, message } : { type, code, message } },
    headers,
  );

/** Plain text, for answers whose protocol is text (upstream's historical errors, docs/protocol.md). */
export const sendText = (response: ServerResponse, status: number, text: string): void => {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
};
