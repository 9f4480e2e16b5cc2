/** The `fetch` this library calls: the global one, cross-fetch's, or a test double. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The `authorization` header of the upstream API: HTTP Basic, the secret key as user, an empty password. */
export const basicAuthorization = (apiKey: string): string => `Basic ${btoa(`${apiKey}:`)}`;

/**
 * `url` without its trailing slashes, so that `${base}/jwt` has one. A loop, not `/\/+$/`: that
 * pattern retries from every slash and is quadratic on a long run of slashes that does not end the string.
 */
export const trimTrailingSlashes = (url: string): string => {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 47) end -= 1;
  return url.slice(0, end);
};
