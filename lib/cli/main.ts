import { processEnvironment } from './process-environment';
import { runCli } from './run-cli';

// Something left open (a keep-alive socket to a remote API) must not keep a finished CLI running.
const EXIT_GRACE = 1_000;

void runCli(process.argv.slice(2), processEnvironment()).then((code) => {
  process.exitCode = code;
  setTimeout(() => process.exit(code), EXIT_GRACE).unref();
});
