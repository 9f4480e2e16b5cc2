/**
 * What one client may ask of the protocol front (the local server and the relay alike). Every limit is
 * per socket or per request, so one hostile client costs a bounded amount of work; each one hit gets a
 * clear answer (below), never a crash.
 */
export interface FrontLimits {
  /**
   * Live subscriptions one socket may hold; one more is refused with the ack error
   * `'Limit reached: at most N subscriptions per socket (maxSubscriptionsPerSocket)'`.
   * @default 500
   */
  readonly maxSubscriptionsPerSocket?: number;
  /**
   * `subscribe` + `unsubscribe` calls one socket may make per second; more are refused with the ack
   * error `'Too many calls: at most N subscribe/unsubscribe calls per second per socket (maxCallsPerSecond)'`.
   * @default 1000
   */
  readonly maxCallsPerSecond?: number;
  /**
   * Largest socket.io message a client may send, in bytes (socket.io's `maxHttpBufferSize`); a bigger
   * one closes that client's connection (the client sees a transport close and reconnects).
   * @default 65_536
   */
  readonly maxPayloadBytes?: number;
  /**
   * Largest HTTP request body, in bytes: a bigger `Content-Length` is answered 413, and a body that
   * grows past it while streaming closes the connection.
   * @default 16_384
   */
  readonly maxBodyBytes?: number;
}

export type ResolvedLimits = Required<FrontLimits>;

export const DEFAULT_LIMITS: ResolvedLimits = {
  maxSubscriptionsPerSocket: 500,
  maxCallsPerSecond: 1000,
  maxPayloadBytes: 65_536,
  maxBodyBytes: 16_384,
};

const positiveInteger = (name: string, value: number): number => {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
};

export const resolveLimits = (limits: FrontLimits): ResolvedLimits => ({
  maxSubscriptionsPerSocket: positiveInteger(
    'maxSubscriptionsPerSocket',
    limits.maxSubscriptionsPerSocket ?? DEFAULT_LIMITS.maxSubscriptionsPerSocket,
  ),
  maxCallsPerSecond: positiveInteger(
    'maxCallsPerSecond',
    limits.maxCallsPerSecond ?? DEFAULT_LIMITS.maxCallsPerSecond,
  ),
  maxPayloadBytes: positiveInteger(
    'maxPayloadBytes',
    limits.maxPayloadBytes ?? DEFAULT_LIMITS.maxPayloadBytes,
  ),
  maxBodyBytes: positiveInteger('maxBodyBytes', limits.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes),
});

export const subscriptionLimitMessage = (limit: number): string =>
  `Limit reached: at most ${limit} subscriptions per socket (maxSubscriptionsPerSocket)`;

export const callRateMessage = (limit: number): string =>
  `Too many calls: at most ${limit} subscribe/unsubscribe calls per second per socket (maxCallsPerSecond)`;

/** A fixed one-second window: `take()` is false once `limit` calls were made in the current second. */
export const createCallMeter = (limit: number, clock: () => number = Date.now) => {
  let windowStart = 0;
  let calls = 0;
  return {
    take(): boolean {
      const now = clock();
      if (now - windowStart >= 1000) {
        windowStart = now;
        calls = 0;
      }
      calls += 1;
      return calls <= limit;
    },
  };
};
