/** Events per second over the last `window` ms, for the table's header. */
export const rateMeter = (now: () => number, window = 1_000) => {
  const times: number[] = [];
  const prune = (at: number) => {
    while (times.length > 0 && (times[0] ?? at) <= at - window) times.shift();
  };
  return {
    record(): void {
      const at = now();
      times.push(at);
      prune(at);
    },
    perSecond(): number {
      prune(now());
      return (times.length * 1_000) / window;
    },
  };
};
