import type { Observable } from 'rxjs';
import type { FlagKind, Read, ReadFlags } from './read-flags';

/** A stream the CLI writes to: `process.stdout` or, in tests, anything writable. */
export interface CliStream extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** What the commands get from the process, so that they can run (and be tested) without globals. */
export interface CliEnvironment {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Emits the signal's name on SIGINT or SIGTERM. */
  readonly stop$: Observable<string>;
  readonly version: string;
}

/**
 * One command of the CLI (`stream`, `serve`, …), as the table in `commands.ts` lists it: its help, the
 * flags it takes, how it reads them (pure, no environment), and how it runs.
 */
export interface CliCommand<C> {
  /** The synopsis line, e.g. `stream <path> [--ticker AAPL]`. */
  readonly synopsis: string;
  /** What it does and its flags, indented for `--help`. */
  readonly help: string;
  readonly flags: Readonly<Record<string, FlagKind>>;
  readonly parse: (read: ReadFlags) => Read<C>;
  /** Resolves to the exit code (0 ok, 1 failed, 2 bad usage). */
  readonly run: (command: C, cli: CliEnvironment) => Promise<number>;
}
