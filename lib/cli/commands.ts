import type { CliCommand, CliEnvironment } from './cli-environment';
import { relayCommand, type RelayCommand } from './relay-command';
import { serveCommand, type ServeCommand } from './serve-command';
import { streamCommand, type StreamCommand } from './stream-command';

/** Each command's parsed form by its name. Adding a command: its line here and in `commands`. */
interface CommandMap {
  readonly stream: StreamCommand;
  readonly serve: ServeCommand;
  readonly relay: RelayCommand;
}

/** The CLI's commands, in the order `--help` lists them. */
export const commands: { readonly [K in keyof CommandMap]: CliCommand<CommandMap[K]> } = {
  stream: streamCommand,
  serve: serveCommand,
  relay: relayCommand,
};

export type CommandName = keyof CommandMap;

/** A command line, understood. */
export type Command = { readonly kind: 'help' } | { readonly kind: 'version' } | CommandMap[CommandName];

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** Runs a parsed command with its entry of the table. */
export const runCommand = <K extends CommandName>(
  kind: K,
  command: CommandMap[K],
  cli: CliEnvironment,
): Promise<number> => commands[kind].run(command, cli);
