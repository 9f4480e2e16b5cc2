import type { CliEnvironment } from './cli-environment';

/** The hint printed under a usage error. */
export const usageHint = "Run 'marketprophit-rx --help' for usage.";

/** Prints a usage error and its hint; answers exit code 2. */
export const usageError = (cli: Pick<CliEnvironment, 'stderr'>, message: string): number => {
  cli.stderr.write(`marketprophit-rx: ${message}\n${usageHint}\n`);
  return 2;
};
