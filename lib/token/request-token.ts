import { TokenError } from '../errors/token-error';
import type { FetchLike } from '../util/http';
import { isObject } from '../util/is-object';
import { previewJson } from '../util/json-text';
import { tokenErrorOf } from './proxy-error';

/**
 * POSTs to a token route (upstream `/jwt` or the app's proxy) and returns its `{ token }`, a non-empty
 * string (anything else is a `bad_response` showing what came). A request with no answer is a `network`
 * error, its reason read by `networkReason` (the platform's: `#platform`, `network-reason.ts` in Node).
 */
export const requestToken = async (
  fetch: FetchLike,
  url: string,
  init: RequestInit,
  networkReason: (cause: unknown) => string,
): Promise<string> => {
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
