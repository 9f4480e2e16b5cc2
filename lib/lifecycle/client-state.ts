import type { MarketProphitError } from '../errors/marketprophit-error';

/**
 * - `idle`: nobody is subscribed; no token, no socket.
 * - `authenticating`: fetching a token.
 * - `connecting`: a socket is opening with a fresh token.
 * - `connected`: the socket is up; subscriptions are (re)sent.
 * - `reconnecting`: the socket dropped, or a try failed; the client waits and tries again.
 * - `failed`: a permanent error (e.g. the API key was refused); subscribers got it as an error.
 */
export type ClientState = 'idle' | 'authenticating' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

/**
 * One failure on the way to a connection: the client retries it (or, for `failed`, gave up).
 * - `token`: fetching a token failed (HTTP status, network, timeout, a bad answer).
 * - `handshake`: the server refused the socket's handshake (usually the token).
 * - `connect`: the socket could not connect (transport error, connect timeout).
 * - `disconnect`: the server hung up, or the connection was lost.
 * - `protocol`: the server speaks another socket.io protocol version. With `attempt` 0, `retryIn` 0
 *   and no `error` it is information: the default socket switched to that version's client (told once
 *   per URL and process, e.g. "… speaks socket.io 1.x/2.x (Engine.IO 3); using the Engine.IO 3 client").
 * - `upstream`: the server is a relay whose own upstream fails (the connection to the relay is fine);
 *   shown on `status$` while `connected`, until the relay says upstream is back.
 * - `subscription`: one stream ended with an error (the server refused it, a payload failed its codec):
 *   only the Angular status shows these, while that stream stays ended. The client's own streams never do.
 */
export interface ConnectionProblem {
  readonly kind: 'token' | 'handshake' | 'connect' | 'disconnect' | 'protocol' | 'upstream' | 'subscription';
  /** For people: what went wrong, e.g. "Token request failed with HTTP 503". */
  readonly message: string;
  /** The typed error behind it, when there is one. */
  readonly error?: MarketProphitError | Error;
  /** Failures in a row, this one included (resets once a connection has stayed healthy). */
  readonly attempt: number;
  /** When the client tries again, in ms from `at`; absent when it gave up. */
  readonly retryIn?: number;
  /** When it happened (the client's scheduler clock, ms since the epoch). */
  readonly at: number;
}

/**
 * The state with the reason behind it: `problem` is the latest failure while not `connected`, or,
 * while `connected` to a relay, its upstream's failure.
 */
export interface ClientStatus {
  readonly state: ClientState;
  readonly problem?: ConnectionProblem;
}
