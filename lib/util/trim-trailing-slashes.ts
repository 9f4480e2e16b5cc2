/**
 * `url` without its trailing slashes. A loop, not `/\/+$/`: that pattern retries from every slash and
 * is quadratic on a long run of slashes that does not end the string.
 */
export const trimTrailingSlashes = (url: string): string => {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 47) end -= 1;
  return url.slice(0, end);
};
