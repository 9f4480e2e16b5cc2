/** Resolves after `ms`. */
export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once `check()` holds, polling every 10 ms, with how long that took in ms; rejects naming
 * `what` after `ms`.
 */
export const until = async (
  what: string,
  check: () => boolean | Promise<boolean>,
  ms = 3_000,
): Promise<number> => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await delay(10);
  }
  return Date.now() - started;
};
