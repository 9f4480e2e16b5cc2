import { nonNegativeNumber, positiveNumber } from '../util/positive-number';
import { type TransientOverrides, type TransientTable, defaultTransient, mergeTransient } from './transient';

/** How long to wait before try number `attempt` (1, 2, …) after failures in a row, in ms. */
export type RetryWait = (attempt: number) => number;

/** What the policy knows of a token when it decides when to refresh it. */
export interface TokenTiming {
  /** When the token was fetched (ms since the epoch, on the client's clock). */
  readonly fetchedAt: number;
  /** The token's own `exp` claim (ms since the epoch), when it has one. Upstream's may not. */
  readonly expiresAt?: number;
}

/**
 * Every rule of the connection's life that is a matter of policy: when to refresh tokens, how to back
 * off, what is worth retrying, how long to wait for anything. One object, shared by `createClient`,
 * its token stream and `createJwtProxy`'s token cache; pass parts of it as `createClient({ policy })`.
 */
export interface LifecyclePolicy {
  /** The longest a token is used, in ms (upstream tokens live 5 hours). @default 18_000_000 */
  readonly refreshEvery: number;
  /**
   * When to fetch the next token, in ms after this one was fetched.
   * @default the earlier of `refreshEvery` and one minute before the token's `exp` (at least 1 s)
   */
  readonly refreshIn: (token: TokenTiming, policy: LifecyclePolicy) => number;
  /**
   * How long to wait before the next try after failures in a row (a token request, a connect, a
   * refused handshake, a server that hung up).
   * @default exponentialBackoff(): about 1 s, 2 s, 4 s … up to 60 s, each scaled by 0.5–1 (jitter)
   */
  readonly retryWait: RetryWait;
  /** How many failures in a row are retried before the client gives up with a typed error. @default Infinity */
  readonly retryAttempts: number;
  /**
   * What a failure may go away by itself and is worth a retry, by error and code (see
   * `defaultTransient`: network failures, timeouts, 408, 429, 5xx, a token the socket server refused).
   * A failure that is not retried ends the streams: the state is `failed` exactly then.
   * @default defaultTransient
   */
  readonly transient: TransientTable;
  /**
   * How long to wait before fetching a fresh token when the socket server refused the current one,
   * for failures in a row `attempt` (this refusal included).
   * @default at once the first time (an expired token, as a rule), then `retryWait(attempt - 1)`
   */
  readonly refusedTokenWait: (attempt: number, policy: LifecyclePolicy) => number;
  /**
   * How long the server has to answer a `subscribe` before the subscription errors with a
   * `SubscribeError` of code `ack_timeout`, in ms; also the longest a new token's socket waits for its
   * subscriptions before the previous socket is closed anyway.
   * @default 10_000
   */
  readonly ackTimeout: number;
  /**
   * How long a connection (or a relay's upstream subscription) stays open after the last subscriber
   * leaves, in ms, so that a quick unsubscribe/subscribe does not reconnect; 0 closes it at once. A
   * failure meanwhile ends it instead of a retry.
   * @default 1_000
   */
  readonly linger: number;
  /**
   * How long after two sockets of a token rotation overlapped an event from the newer one is still
   * compared with what the older delivered (a late second copy is dropped), in ms.
   * @default 1_000
   */
  readonly rotationGrace: number;
  /** How long a token request may take before it fails as a `TokenError` of code `timeout`, in ms. @default 10_000 */
  readonly tokenTimeout: number;
  /** How long a socket may take to connect before the try counts as failed, in ms. @default 15_000 */
  readonly connectTimeout: number;
  /**
   * How long a connection must stay up before the count of failures in a row starts again from 0, in
   * ms: a server that hangs up soon after every connect keeps growing the wait.
   * @default 30_000
   */
  readonly healthyAfter: number;
  /**
   * How long a long-lived service (the relay) takes a permanent failure — an API key or a topic
   * upstream refused — as final before it asks upstream again, in ms; refusals in a row wait the
   * longer of this and `retryWait`. Meanwhile the refusal answers at once, with its reason.
   * @default 30_000
   */
  readonly refusedFor: number;
}

/**
 * Exponential backoff with jitter: `base`, `base × factor`, … capped at `max`, each scaled by a random
 * 0.5–1 so that many clients recovering from one outage do not retry in step.
 */
export const exponentialBackoff =
  (base = 1_000, max = 60_000, random: () => number = Math.random, factor = 2): RetryWait =>
  (attempt) =>
    Math.min(max, base * factor ** Math.max(0, attempt - 1)) * (0.5 + random() / 2);

const EXPIRY_MARGIN = 60_000;
const MIN_LIFETIME = 1_000;

export const defaultPolicy: LifecyclePolicy = {
  refreshEvery: 5 * 60 * 60 * 1000,
  refreshIn: ({ fetchedAt, expiresAt }, { refreshEvery }) =>
    expiresAt === undefined
      ? refreshEvery
      : Math.min(refreshEvery, Math.max(expiresAt - fetchedAt - EXPIRY_MARGIN, MIN_LIFETIME)),
  retryWait: exponentialBackoff(),
  retryAttempts: Infinity,
  transient: defaultTransient,
  refusedTokenWait: (attempt, { retryWait }) => (attempt <= 1 ? 0 : retryWait(attempt - 1)),
  ackTimeout: 10_000,
  linger: 1_000,
  rotationGrace: 1_000,
  tokenTimeout: 10_000,
  connectTimeout: 15_000,
  healthyAfter: 30_000,
  refusedFor: 30_000,
};

/** What callers pass: any part of the policy; `transient` row by row. */
export type PolicyOverrides = Partial<Omit<LifecyclePolicy, 'transient'>> & {
  readonly transient?: TransientOverrides;
};

const NUMBERS = [
  'refreshEvery',
  'tokenTimeout',
  'connectTimeout',
  'healthyAfter',
  'refusedFor',
  'ackTimeout',
  'rotationGrace',
] as const;

/**
 * The default policy with `overrides` applied, every field checked: the one place a policy is made.
 * `owner` names the caller in errors (`createClient: \`ackTimeout\` must be a positive number, got -1`).
 */
export const resolvePolicy = (owner: string, overrides: PolicyOverrides = {}): LifecyclePolicy => {
  const policy: LifecyclePolicy = {
    ...defaultPolicy,
    ...overrides,
    transient: mergeTransient(defaultPolicy.transient, overrides.transient),
  };
  for (const name of NUMBERS) positiveNumber(`${owner}: \`${name}\``, policy[name]);
  for (const name of ['retryAttempts', 'linger'] as const)
    nonNegativeNumber(`${owner}: \`${name}\``, policy[name]);
  for (const name of ['refreshIn', 'retryWait', 'refusedTokenWait'] as const)
    if (typeof policy[name] !== 'function')
      throw new TypeError(`${owner}: \`${name}\` must be a function, got ${typeof policy[name]}`);
  return policy;
};
