import {
  type Observable,
  filter,
  firstValueFrom,
  identity,
  merge,
  of,
  take,
  takeUntil,
  tap,
  timeout,
} from 'rxjs';
import type { ClientState } from '../lifecycle/client-state';
import { createClient } from '../client/create-client';
import type { SocketIoVersion } from '../connection/socket-choice';
import { DEFAULT_URL } from '../client/default-url';
import type { ParamsOf } from '../endpoints/real-time-endpoints';
import { realTimeSpecs, type RealTimePath } from '../endpoints/real-time-specs';
import { type RealTimeParamsProblem, realTimeParamsProblem } from '../endpoints/real-time-params';
import { likelyTicker } from '../endpoints/ticker';
import { DEFAULT_API_KEY } from '../server/options';
import { startServer } from '../server/start-server';
import type { CliCommand, CliEnvironment } from './cli-environment';
import { describeError, describeProblem } from './describe-error';
import { type EventSink, ndjsonSink, tableSink } from './event-sink';
import {
  fail,
  integerFlag,
  noExtra,
  ok,
  socketIoFlag,
  stringFlag,
  urlFlag,
  type Read,
  type ReadFlags,
} from './read-flags';
import { readRealTimePath } from './real-time-path-arg';
import { plural } from './render-table';
import { safeOutput } from './safe-output';
import { usageError } from './usage-error';

/** How `stream` prints: a live table on a terminal, NDJSON otherwise. */
export type StreamFormat = 'table' | 'ndjson';

export interface StreamCommand {
  readonly kind: 'stream';
  readonly path: RealTimePath;
  readonly ticker: string | undefined;
  readonly url: string | undefined;
  /** `undefined`: chosen by whether stdout is a terminal. */
  readonly format: StreamFormat | undefined;
  /** Stop after this many events; `undefined`: run until stopped. */
  readonly count: number | undefined;
  /** `--socket-io`: the client's `socketIo`; `undefined`: auto. */
  readonly socketIo?: SocketIoVersion | undefined;
}

export const API_KEY_VARIABLE = 'MARKETPROPHIT_API_KEY';

/** Where `stream` gets its data: a server at `url` with a key, or a local server it starts itself. */
export type StreamTarget =
  { readonly kind: 'remote'; readonly url: string; readonly apiKey: string } | { readonly kind: 'embedded' };

/** `--url` needs a key; a key without `--url` means the hosted API; neither, the embedded server. */
export const streamTarget = (
  command: StreamCommand,
  env: Readonly<Record<string, string | undefined>>,
): Read<StreamTarget> => {
  const apiKey = env[API_KEY_VARIABLE] || undefined;
  if (command.url !== undefined && apiKey === undefined) {
    return fail(
      `--url needs an API key: set ${API_KEY_VARIABLE} (for 'marketprophit-rx serve', the key it prints)`,
    );
  }
  if (apiKey === undefined) return ok({ kind: 'embedded' });
  return ok({ kind: 'remote', url: command.url ?? DEFAULT_URL, apiKey });
};

const streamFlags = {
  help: 'boolean',
  version: 'boolean',
  ticker: 'string',
  url: 'string',
  format: 'string',
  count: 'string',
  'socket-io': 'string',
} as const;

/** A params problem (the catalogue's rule) in the words of the CLI's flags. */
const flagWording = (path: string, problem: RealTimeParamsProblem): string => {
  switch (problem.kind) {
    case 'takes-none':
      return `${path} streams every ticker and takes no --${problem.name}`;
    case 'unknown':
      return `${path} takes no --${problem.name}`;
    // The only params flag is --ticker.
    case 'invalid': {
      const likely = likelyTicker(String(problem.value));
      return (
        `Bad --${problem.name} '${String(problem.value)}': an upper-case ticker of 1-20 letters, digits or "_" (e.g. AAPL, 6E_F).` +
        (likely === undefined ? '' : ` Did you mean '${likely}'?`)
      );
    }
  }
};

/** Reads `stream <path> [--ticker T] [--url U] [--format F] [--count N] [--socket-io V]`. */
export const parseStream = (read: ReadFlags): Read<StreamCommand> => {
  const [pathArg, ...rest] = read.positionals;
  const path = readRealTimePath(pathArg);
  if (!path.ok) return path;
  const extra = noExtra(rest, 'stream');
  if (!extra.ok) return extra;

  const ticker = stringFlag(read.flags, 'ticker');
  const problem = realTimeParamsProblem(realTimeSpecs[path.value].params, { ticker });
  if (problem !== undefined) return fail(flagWording(path.value, problem));

  const format = stringFlag(read.flags, 'format');
  if (format !== undefined && format !== 'table' && format !== 'ndjson') {
    return fail(`--format must be 'table' or 'ndjson', got '${format}'`);
  }
  const url = urlFlag(read.flags);
  if (!url.ok) return url;
  const count = integerFlag(read.flags, 'count', 1);
  if (!count.ok) return count;
  const socketIo = socketIoFlag(read.flags);
  if (!socketIo.ok) return socketIo;

  return ok({
    kind: 'stream',
    path: path.value,
    ticker,
    url: url.value,
    format,
    count: count.value,
    socketIo: socketIo.value,
  });
};

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
    ...(command.socketIo === undefined ? {} : { socketIo: command.socketIo }),
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

  // Piped: every failure the client retries goes to stderr as it happens (a TTY shows it in the
  // table). Information (attempt 0: the socket.io generation found) goes to stderr either way.
  const problems = client.problems$.subscribe((problem) => {
    if (format !== 'table' || problem.attempt === 0) {
      cli.stderr.write(`marketprophit-rx: ${describeProblem(problem)}\n`);
    }
  });
  let received = 0;
  let stoppedBy: string | undefined;
  const code = await new Promise<number>((resolve) => {
    client
      .subscribe$(command.path, params)
      .pipe(
        command.count === undefined ? identity : take(command.count),
        takeUntil(merge(cli.stop$.pipe(tap((signal) => (stoppedBy = signal))), output.closed$)),
      )
      .subscribe({
        next: (event) => {
          received += 1;
          sink.next(event);
        },
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
  problems.unsubscribe();
  await settled(client.state$);
  await server?.close();
  if (stoppedBy !== undefined) {
    cli.stderr.write(
      `${stoppedBy}: stopped after ${plural(received, 'event')}; unsubscribed and closed the socket\n`,
    );
  }
  return code;
};

/** `stream`, for the command table. */
export const streamCommand: CliCommand<StreamCommand> = {
  synopsis:
    'stream <path> [--ticker AAPL] [--url URL] [--format table|ndjson] [--count N] [--socket-io auto|2|4]',
  help: `Streams a real-time path: a live table on a terminal, NDJSON (one event a line) when piped.
<path> is /real-time/<name> or <name>. Without --url and ${API_KEY_VARIABLE} it starts
the local server itself, so it runs with no network. With --url (or for the hosted API)
set ${API_KEY_VARIABLE}.
  --ticker   one ticker (default: every ticker)
  --format   table or ndjson (default: table on a terminal, ndjson otherwise)
  --count    stop after N events
  --socket-io  the server's socket.io: auto (default: found out), 2 (1.x/2.x) or 4 (3.x/4.x)`,
  flags: streamFlags,
  parse: parseStream,
  run: async (command, cli) => {
    const target = streamTarget(command, cli.env);
    return target.ok ? runStream(command, target.value, cli) : usageError(cli, target.error);
  },
};
