import type { ServerResponse } from 'node:http';

/** Upstream's JSON error shape. */
export type ErrorType = 'invalid_request_error' | 'api_error';

export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
};

export const sendError = (response: ServerResponse, status: number, type: ErrorType, message: string): void =>
  sendJson(response, status, { error: { type, message } });

/** Historical endpoints answer errors as plain text (docs/protocol.md). */
export const sendText = (response: ServerResponse, status: number, text: string): void => {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
};
