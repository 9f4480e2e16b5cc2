/** The `fetch` this library calls: the global one, cross-fetch's, or a test double. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The `authorization` header of the upstream API: HTTP Basic, the secret key as user, an empty password. */
export const basicAuthorization = (apiKey: string): string => `Basic ${btoa(`${apiKey}:`)}`;

/** `url` without trailing slashes, so that `${base}/jwt` has one. */
export const trimTrailingSlashes = (url: string): string => url.replace(/\/+$/, '');
