import * as t from 'io-ts';
import { isLeft } from '../codecs/is-left';
import { objectCodec } from '../codecs/object-codec';
import { TokenError } from '../errors/token-error';
import { formatValidationErrors } from '../codecs/report';
import type { FetchLike } from '../util/http';
import { tokenErrorOf } from './proxy-error';

const TokenResponse = objectCodec({ token: t.string }, 'TokenResponse');

/** Why a request got no answer, without repeating the URL: cross-fetch's text, or native fetch's cause. */
const networkReason = (cause: unknown): string => {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  // native fetch: "fetch failed", the reason inside (an AggregateError may have only a code)
  if (inner instanceof Error)
    return inner.message || String((inner as { code?: unknown }).code ?? cause.message);
  const reason = /reason: (.*)$/.exec(cause.message)?.[1];
  return reason ?? cause.message;
};

/**
 * POSTs to a token route (upstream `/jwt` or the app's proxy) and returns `{ token }` checked by io-ts.
 * `unauthorized` ends a 401's message: what to check.
 */
export const requestToken = async (
  fetch: FetchLike,
  url: string,
  init: RequestInit,
  unauthorized?: string,
): Promise<string> => {
  let response: Response;
  try {
    response = await fetch(url, { ...init, method: 'POST' });
  } catch (cause) {
    throw new TokenError('network', `Token request to ${url} failed: ${networkReason(cause)}`, undefined, {
      cause,
    });
  }
  if (!response.ok) {
    const error = tokenErrorOf(response.status, await response.text().catch(() => ''));
    if (unauthorized && response.status === 401) error.message += ` (${url}: ${unauthorized})`;
    throw error;
  }
  const body: unknown = await response.json().catch(() => undefined);
  const decoded = TokenResponse.decode(body);
  if (isLeft(decoded) || decoded.right.token === '') {
    const report = isLeft(decoded) ? formatValidationErrors(decoded.left).join('; ') : 'empty token';
    throw new TokenError(
      'bad_response',
      `Token response from ${url} is not { token: string }: ${report}`,
      response.status,
    );
  }
  return decoded.right.token;
};
