import type { Observable } from 'rxjs';

/**
 * Anything that yields a JWT: called for every (re)fetch, so return a fresh request each time.
 * Return an Observable (its first value is used) to run on virtual time in marble tests.
 */
export type TokenSource = () => Promise<string> | Observable<string> | string;
