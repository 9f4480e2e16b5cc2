import { ReplaySubject } from 'rxjs';
import type { CliEnvironment } from './cli-environment';
import { packageVersion } from './package-version';

/** Exit code of a second Ctrl-C while the first is still closing things. */
const FORCED_EXIT = 130;

/**
 * The real process as a {@link CliEnvironment}. Installs SIGINT/SIGTERM handlers at once (replayed, so a
 * signal during start-up is not lost); a second signal exits without waiting.
 */
export const processEnvironment = (): CliEnvironment => {
  const stop = new ReplaySubject<string>(1);
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) process.exit(FORCED_EXIT);
    stop.next(signal);
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
