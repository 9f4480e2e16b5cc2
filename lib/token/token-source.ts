import type { Observable } from 'rxjs';

/** What a token source is given for each request. */
export interface TokenRequestContext {
  /** Aborted when nobody needs the token any more, or the request timed out: pass it to `fetch`. */
  readonly signal: AbortSignal;
}

/**
 * Anything that yields a JWT: called for every (re)fetch, so return a fresh request each time.
 * Return an Observable (its first value is used) to run on virtual time in marble tests.
 */
export type TokenSource = ((
  context: TokenRequestContext,
) => Promise<string> | Observable<string> | string) & {
  /** Where the tokens come from, named in messages (`apiKeyToken` and `proxyToken` set it). */
  readonly url?: string;
};
