import { wholeNumber } from '../util/positive-number';

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
  /**
   * Distinct topics (path + params) the sockets opened with one token may want together; one more is
   * refused with the ack error `'Limit reached: at most N topics per token (maxTopicsPerToken)'`.
   * @default 1000
   */
  readonly maxTopicsPerToken?: number;
  /**
   * Distinct topics one server or relay node serves at once; a subscription to one more is refused with
   * the ack error `'Limit reached: at most N topics on this server (maxTopics)'`.
   * @default 10_000
   */
  readonly maxTopics?: number;
  /**
   * Bytes waiting in one socket's write buffer past which it is a slow consumer: it gets no more
   * publications as they come, only the latest of each of its topics once it drains (older ones are
   * dropped).
   * @default 1_048_576 (1 MiB)
   */
  readonly slowConsumerBytes?: number;
  /**
   * How long a socket may stay a slow consumer before it is disconnected, in ms (the server log and the
   * relay's `onProblem` give the reason).
   * @default 30_000
   */
  readonly slowConsumerTimeout?: number;
}

export type ResolvedLimits = Required<FrontLimits>;

export const DEFAULT_LIMITS: ResolvedLimits = {
  maxSubscriptionsPerSocket: 500,
  maxCallsPerSecond: 1000,
  maxPayloadBytes: 65_536,
  maxBodyBytes: 16_384,
  maxTopicsPerToken: 1000,
  maxTopics: 10_000,
  slowConsumerBytes: 1_048_576,
  slowConsumerTimeout: 30_000,
};

/** `limits` over the defaults, each checked to be a whole number >= 1. */
export const resolveLimits = (limits: FrontLimits): ResolvedLimits =>
  Object.fromEntries(
    (Object.keys(DEFAULT_LIMITS) as (keyof ResolvedLimits)[]).map((name) => [
      name,
      wholeNumber(name, limits[name] ?? DEFAULT_LIMITS[name]),
    ]),
  ) as unknown as ResolvedLimits;

export const subscriptionLimitMessage = (limit: number): string =>
  `Limit reached: at most ${limit} subscriptions per socket (maxSubscriptionsPerSocket)`;

export const tokenTopicLimitMessage = (limit: number): string =>
  `Limit reached: at most ${limit} topics per token (maxTopicsPerToken)`;

export const topicLimitMessage = (limit: number): string =>
  `Limit reached: at most ${limit} topics on this server (maxTopics)`;

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
