/** Resolves after `ms`. */
export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `check()` holds, polling every 10 ms; rejects naming `what` after `ms`. */
export const until = async (
  what: string,
  check: () => boolean | Promise<boolean>,
  ms = 3_000,
): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await delay(10);
  }
};
