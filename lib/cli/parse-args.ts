import { commands, isCommandName, type Command } from './commands';
import { suggestion } from './did-you-mean';
import { fail, ok, readFlags, type Read } from './read-flags';

/** Understands a command line (without `node` and the script). Does not look at the environment. */
export const parseArgs = (argv: readonly string[]): Read<Command> => {
  const [name, ...rest] = argv;
  if (name === undefined) return fail('Missing command');
  if (name === 'help' || name === '--help' || name === '-h') return ok({ kind: 'help' });
  if (name === '--version' || name === '-v' || name === '-V' || name === 'version') {
    return ok({ kind: 'version' });
  }
  if (!isCommandName(name)) {
    const names = Object.keys(commands);
    return fail(
      name.startsWith('-')
        ? `Unknown option ${name}. Options come after a command: ${names.join(', ')}`
        : `Unknown command '${name}'.${suggestion(name, names)}`,
    );
  }
  const command = commands[name];
  const read = readFlags(rest, command.flags);
  if (!read.ok) return read;
  if (read.value.flags.has('help')) return ok({ kind: 'help' });
  if (read.value.flags.has('version')) return ok({ kind: 'version' });
  return command.parse(read.value);
};
