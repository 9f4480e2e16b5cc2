import type { Observable } from 'rxjs';

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
