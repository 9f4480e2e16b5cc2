/** Runs one named check; it records a pass or a failure and never throws. */
export type Check = (name: string, body: () => Promise<void> | void, timeoutMs?: number) => Promise<void>;

/** A suite sets itself up, runs its checks in order, and tears down (in `finally`). */
export type Suite = (check: Check) => Promise<void>;

export interface Tally {
  passed: number;
  failed: number;
}

const DEFAULT_TIMEOUT = 20_000;

const messageOf = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/** Rejects with a clear message when `work` takes longer than `ms`. */
export const withTimeout = <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
};

/**
 * Runs the suites one after another and prints a line per check. A suite that throws outside its
 * checks (its setup failed) counts as one failure.
 */
export const runSuites = async (suites: ReadonlyMap<string, Suite>, tally: Tally): Promise<void> => {
  for (const [suiteName, suite] of suites) {
    console.log(`\n${suiteName}`);
    const check: Check = async (name, body, timeoutMs = DEFAULT_TIMEOUT) => {
      const started = Date.now();
      try {
        await withTimeout(Promise.resolve().then(body), timeoutMs, name);
        tally.passed += 1;
        console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        tally.failed += 1;
        console.log(`  ✗ ${name} (${Date.now() - started} ms)\n${indent(messageOf(error))}`);
      }
    };
    try {
      await suite(check);
    } catch (error) {
      tally.failed += 1;
      console.log(`  ✗ ${suiteName} could not run\n${indent(messageOf(error))}`);
    }
  }
};

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
