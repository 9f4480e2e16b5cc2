/** How long to wait before retry number `retries` (1, 2, …), in ms. */
export type RetryWait = (retries: number) => number;

/**
 * Exponential backoff with jitter: about 1 s, 2 s, 4 s … capped at 60 s, each scaled by 0.5–1 so that
 * many clients recovering from one outage do not retry in step.
 */
export const exponentialBackoff =
  (base = 1_000, max = 60_000, random: () => number = Math.random): RetryWait =>
  (retries) =>
    Math.min(max, base * 2 ** Math.max(0, retries - 1)) * (0.5 + random() / 2);
