import type { IncomingMessage } from 'node:http';
import type { ServerSocket } from '../front/socket-types';
import type { TokenAnswer, TokenIssuer } from '../front/token-route';
import { copyJsonData, kindOf } from '../util/json-data';
import { type CallerAddress, isLoopbackAddress } from './trust-proxy';

/** What `authorize` may put in a relay token: a plain object of JSON data. */
export type RelayClaims = object;

/** What the relay knows of a `POST /jwt` besides the request. */
export interface AuthorizeContext {
  /**
   * The caller's IP address: the socket's peer, or with `trustProxy` the first hop not trusted.
   * `undefined` when the relay cannot tell (a forwarded request without `trustProxy`, garbage in the
   * forwarding header).
   */
  readonly address: string | undefined;
}

/**
 * `authorize`'s answer: `false` refuses a token (401), `true` grants one, claims (a plain object of JSON
 * data, at most {@link MAX_CLAIMS_BYTES} as JSON) grant one that carries them to `entitle`.
 */
export type Authorization<Claims extends RelayClaims> = boolean | Claims;

/** Decides `POST /jwt`: your sign-in check. */
export type Authorize<Claims extends RelayClaims> = (
  request: IncomingMessage,
  context: AuthorizeContext,
) => Authorization<Claims> | Promise<Authorization<Claims>>;

/** The largest claims `authorize` may return, as JSON bytes: they travel in the token, in a URL. */
export const MAX_CLAIMS_BYTES = 4096;

const refused = (message: string): TokenAnswer => ({
  ok: false,
  status: 401,
  type: 'invalid_request_error',
  message,
});

/** `authorize`'s claims as a frozen copy the relay owns; throws (a 500 for that request) if they are not JSON. */
const ownClaims = (claims: object): Readonly<Record<string, unknown>> => {
  const copy = copyJsonData(claims, "authorize's claims");
  if (!copy.ok) throw new TypeError(copy.problem);
  const bytes = Buffer.byteLength(JSON.stringify(copy.value));
  if (bytes > MAX_CLAIMS_BYTES)
    throw new RangeError(`authorize's claims are ${bytes} bytes of JSON, more than ${MAX_CLAIMS_BYTES}`);
  return copy.value;
};

export interface RelayIssuerOptions<Claims extends RelayClaims> {
  /** `undefined`: the default, loopback callers only, and no forwarded request without `trustProxy`. */
  readonly authorize: Authorize<Claims> | undefined;
  readonly callerAddress: (request: IncomingMessage) => CallerAddress;
  /** Signs a relay token carrying `claims` (none when `authorize` said `true`). */
  readonly sign: (claims: Readonly<Record<string, unknown>> | undefined) => { keyId: string; token: string };
}

/** `POST /jwt` on the relay: asks `authorize` (or the loopback default), then signs its claims. */
export const createRelayIssuer =
  <Claims extends RelayClaims>({ authorize, callerAddress, sign }: RelayIssuerOptions<Claims>): TokenIssuer =>
  async (request) => {
    const caller = callerAddress(request);
    let granted: unknown;
    if (authorize === undefined) {
      if (!caller.ok) return refused(`Not authorized for a relay token: ${caller.message}`);
      granted = isLoopbackAddress(caller.address);
    } else granted = await authorize(request, { address: caller.ok ? caller.address : undefined });
    if (granted === false) return refused('Not authorized for a relay token');
    if (granted !== true && (typeof granted !== 'object' || granted === null || Array.isArray(granted)))
      throw new TypeError(
        `authorize must answer true, false or claims (a plain object), got ${kindOf(granted)}`,
      );
    return { ok: true, ...sign(granted === true ? undefined : ownClaims(granted)) };
  };

/**
 * The warning `startRelay` gives when it listens beyond loopback with the default `authorize` (which
 * then gives tokens to nobody but local callers); `undefined` when there is nothing to say.
 */
export const openHostWarning = (host: string, authorize: unknown): string | undefined => {
  if (authorize !== undefined || host === 'localhost' || isLoopbackAddress(host)) return undefined;
  return (
    `the relay listens on ${host} with the default authorize: only loopback callers get tokens, and ` +
    'requests through a proxy are refused unless trustProxy names its hops. Give authorize (your ' +
    'sign-in check) to serve other callers.'
  );
};

/** The longest a timer can wait (2^31 - 1 ms, about 24.8 days); a later expiry is not timed. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Ends `socket` (`'io server disconnect'`) when its token expires, so what its claims entitle it to
 * lasts no longer than the token: a client renews its token before then and subscribes again on a new
 * socket, where `entitle` decides with the new claims.
 */
export const endAtExpiry = (socket: ServerSocket, clock: () => number = Date.now): void => {
  const left = socket.data.claims.exp * 1000 - clock();
  if (left > MAX_TIMER) return;
  const timer = setTimeout(() => socket.disconnect(true), Math.max(0, left));
  socket.once('disconnect', () => clearTimeout(timer));
};
