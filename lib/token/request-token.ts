import { TokenError } from '../errors/token-error';
import type { FetchLike } from '../util/http';
import { isObject } from '../util/is-object';
import { previewJson } from '../util/json-text';
import { tokenErrorOf } from './proxy-error';

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
 * POSTs to a token route (upstream `/jwt` or the app's proxy) and returns its `{ token }`, a non-empty string (anything else is a `bad_response` showing what came).
 */
export const requestToken = async (fetch: FetchLike, url: string, init: RequestInit): Promise<string> => {
  let response: Response;
  try {
    response = await fetch(url, { ...init, method: 'POST' });
  } catch (cause) {
    throw new TokenError('network', `Token request to ${url} failed: ${networkReason(cause)}`, undefined, {
      cause,
    });
  }
  if (!response.ok) throw tokenErrorOf(response.status, await response.text().catch(() => ''));
  const body: unknown = await response.json().catch(() => undefined);
  const token = isObject(body) ? body['token'] : undefined;
  if (typeof token !== 'string' || token === '') {
    throw new TokenError(
      'bad_response',
      `Token response from ${url} is not { token: string }: got ${previewJson(body)}`,
      response.status,
    );
  }
  return token;
};
