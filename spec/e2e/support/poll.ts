/**
 * Calls `read` every 100 ms until `accept` takes its value, and resolves with it. Runs in Node (not in
 * the page), so only values cross to the browser. The caller's check timeout bounds it.
 */
export const until = async <T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> => {
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
