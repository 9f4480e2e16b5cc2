import { ReplaySubject } from 'rxjs';
import type { CliEnvironment } from './cli-environment';
import { packageVersion } from './package-version';

/** Exit code of a second Ctrl-C while the first is still closing things. */
const FORCED_EXIT = 130;
/**
 * A signal this soon after the first is the same Ctrl-C again, not a second one: the terminal signals
 * the whole process group, and a parent such as `npm start` forwards the signal to its child too.
 */
const SAME_SIGNAL_WITHIN = 500;

/**
 * The real process as a {@link CliEnvironment}. Installs SIGINT/SIGTERM handlers at once (replayed, so a
 * signal during start-up is not lost); a second signal (not the same one forwarded) exits without waiting.
 */
export const processEnvironment = (): CliEnvironment => {
  const stop = new ReplaySubject<string>(1);
  let first: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (first === undefined) {
      first = now;
      stop.next(signal);
    } else if (now - first > SAME_SIGNAL_WITHIN) process.exit(FORCED_EXIT);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stop$: stop.asObservable(),
    version: packageVersion(__dirname),
  };
};
