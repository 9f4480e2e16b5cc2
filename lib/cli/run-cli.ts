import type { CliEnvironment } from './cli-environment';
import { describeError } from './describe-error';
import { parseArgs } from './parse-args';
import { runRelay } from './relay-command';
import { runServe } from './serve-command';
import { runStream } from './stream-command';
import { streamTarget } from './stream-target';
import { usage, usageHint } from './usage';

const usageError = (cli: CliEnvironment, message: string): number => {
  cli.stderr.write(`marketprophit-rx: ${message}\n${usageHint}\n`);
  return 2;
};

/** Runs one command line; resolves to the exit code (0 ok, 1 failed, 2 bad usage). */
export const runCli = async (argv: readonly string[], cli: CliEnvironment): Promise<number> => {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return usageError(cli, parsed.error);
  const command = parsed.value;
  try {
    switch (command.kind) {
      case 'help':
        cli.stdout.write(usage());
        return 0;
      case 'version':
        cli.stdout.write(`${cli.version}\n`);
        return 0;
      case 'serve':
        return await runServe(command, cli);
      case 'relay':
        return await runRelay(command, cli, usageError);
      case 'stream': {
        const target = streamTarget(command, cli.env);
        if (!target.ok) return usageError(cli, target.error);
        return await runStream(command, target.value, cli);
      }
    }
  } catch (error) {
    cli.stderr.write(`marketprophit-rx: ${describeError(error)}\n`);
    return 1;
  }
};
