import { type Observable, filter, firstValueFrom, identity, merge, of, take, takeUntil, timeout } from 'rxjs';
import type { ClientState } from '../lifecycle/client-state';
import { createClient } from '../client/create-client';
import type { ParamsOf } from '../endpoints/real-time-endpoints';
import { DEFAULT_API_KEY } from '../server/options';
import { startServer } from '../server/start-server';
import type { CliEnvironment } from './cli-environment';
import type { StreamCommand } from './command';
import { describeError, describeProblem } from './describe-error';
import { type EventSink, ndjsonSink, tableSink } from './event-sink';
import { safeOutput } from './safe-output';
import { API_KEY_VARIABLE, type StreamTarget } from './stream-target';

/** Short, so that stopping closes the socket at once; the CLI never resubscribes. */
const LINGER = 50;
/** The longest a stop waits for the socket to close before going on. */
const SETTLE_TIMEOUT = 2_000;

/** Resolves once the client has closed its socket (or given up), or after `SETTLE_TIMEOUT`. */
const settled = (state$: Observable<ClientState>): Promise<unknown> =>
  firstValueFrom(
    state$.pipe(
      filter((state) => state === 'idle' || state === 'failed'),
      timeout({ first: SETTLE_TIMEOUT, with: () => of('timeout') }),
    ),
  );

/**
 * `stream`: subscribes to `command.path` until `--count` events, a signal, a closed stdout or an error.
 * Resolves to the exit code (0 done or stopped, 1 stream error) once the socket, and the embedded
 * server if it started one, are closed.
 */
export const runStream = async (
  command: StreamCommand,
  target: StreamTarget,
  cli: CliEnvironment,
): Promise<number> => {
  const server = target.kind === 'embedded' ? await startServer({ port: 0 }) : undefined;
  if (server !== undefined) {
    cli.stderr.write(
      `No --url and no ${API_KEY_VARIABLE}: streaming generated data from a local server at ${server.url}\n`,
    );
  }
  const client = createClient({
    url: server?.url ?? (target.kind === 'remote' ? target.url : ''),
    apiKey: server === undefined && target.kind === 'remote' ? target.apiKey : DEFAULT_API_KEY,
    linger: LINGER,
  });
  const output = safeOutput(cli.stdout);
  const format = command.format ?? (cli.stdout.isTTY === true ? 'table' : 'ndjson');
  const sink: EventSink =
    format === 'table'
      ? tableSink(output, {
          path: command.path,
          ticker: command.ticker,
          status$: client.status$,
          terminal: cli.stdout,
        })
      : ndjsonSink(output);
  const params = (command.ticker === undefined ? {} : { ticker: command.ticker }) as ParamsOf<
    typeof command.path
  >;

  // Piped: every failure the client retries goes to stderr as it happens (a TTY shows it in the table).
  const problems =
    format === 'table'
      ? undefined
      : client.problems$.subscribe((problem) =>
          cli.stderr.write(`marketprophit-rx: ${describeProblem(problem)}\n`),
        );
  const code = await new Promise<number>((resolve) => {
    client
      .subscribe$(command.path, params)
      .pipe(
        command.count === undefined ? identity : take(command.count),
        takeUntil(merge(cli.stop$, output.closed$)),
      )
      .subscribe({
        next: (event) => sink.next(event),
        error: (error: unknown) => {
          sink.end();
          cli.stderr.write(`marketprophit-rx: ${describeError(error)}\n`);
          resolve(1);
        },
        complete: () => {
          sink.end();
          resolve(0);
        },
      });
  });
  problems?.unsubscribe();
  await settled(client.state$);
  await server?.close();
  return code;
};
