import type { CliEnvironment } from './cli-environment';
import { runCommand } from './commands';
import { describeError } from './describe-error';
import { parseArgs } from './parse-args';
import { usage } from './usage';
import { usageError } from './usage-error';

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
      default:
        return await runCommand(command.kind, command, cli);
    }
  } catch (error) {
    cli.stderr.write(`marketprophit-rx: ${describeError(error)}\n`);
    return 1;
  }
};
