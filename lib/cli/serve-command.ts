import { firstValueFrom } from 'rxjs';
import type { LocalServer } from '../server/local-server';
import { DEFAULT_API_KEY } from '../server/options';
import { startServer } from '../server/start-server';
import type { CliCommand, CliEnvironment } from './cli-environment';
import { integerFlag, noExtra, ok, stringFlag, type Read, type ReadFlags } from './read-flags';
import { API_KEY_VARIABLE } from './stream-command';

export interface ServeCommand {
  readonly kind: 'serve';
  readonly port: number;
  readonly host: string;
  readonly interval: number | undefined;
  readonly seed: number | undefined;
}

const serveFlags = {
  help: 'boolean',
  version: 'boolean',
  port: 'string',
  host: 'string',
  interval: 'string',
  seed: 'string',
} as const;

/** Reads `serve [--port P] [--host H] [--interval ms] [--seed n]`. */
export const parseServe = (read: ReadFlags): Read<ServeCommand> => {
  const extra = noExtra(read.positionals, 'serve');
  if (!extra.ok) return extra;
  const port = integerFlag(read.flags, 'port', 0, 65_535);
  if (!port.ok) return port;
  const interval = integerFlag(read.flags, 'interval', 1);
  if (!interval.ok) return interval;
  const seed = integerFlag(read.flags, 'seed', 0);
  if (!seed.ok) return seed;
  return ok({
    kind: 'serve',
    port: port.value ?? 4000,
    host: stringFlag(read.flags, 'host') ?? '127.0.0.1',
    interval: interval.value,
    seed: seed.value,
  });
};

/** One line for a port that cannot be had, or `undefined` for any other failure. */
export const describeListenError = (error: unknown, command: Pick<ServeCommand, 'port' | 'host'>) => {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${command.host}:${command.port}`;
  if (code === 'EADDRINUSE') {
    return `port ${command.port} is in use on ${command.host} (another 'serve'?): pick another with --port, or --port 0 for any free one`;
  }
  if (code === 'EACCES') return `not allowed to listen on ${where}: use a port above 1023`;
  if (code === 'EADDRNOTAVAIL')
    return `${command.host} is not an address of this machine: try --host 127.0.0.1`;
  return undefined;
};

/** What `serve` prints: the URL first (scripts read it), then how to use it. */
export const serveBanner = (server: Pick<LocalServer, 'url' | 'seed'>, apiKey = DEFAULT_API_KEY): string =>
  `Market Prophit local server listening on ${server.url}
API key: ${apiKey}   (data seed ${server.seed})

Point a client at it:
  createClient({ url: '${server.url}', apiKey: '${apiKey}' })
  ${API_KEY_VARIABLE}=${apiKey} marketprophit-rx stream crowd-sentiment --ticker AAPL --url ${server.url}
  curl -X POST -u ${apiKey}: ${server.url}/jwt

Ctrl-C stops it.
`;

/** `serve`: runs the local server until SIGINT/SIGTERM. Resolves to the exit code. */
export const runServe = async (command: ServeCommand, cli: CliEnvironment): Promise<number> => {
  let server: LocalServer;
  try {
    server = await startServer({
      port: command.port,
      host: command.host,
      ...(command.interval === undefined ? {} : { interval: command.interval }),
      ...(command.seed === undefined ? {} : { seed: command.seed }),
    });
  } catch (error) {
    const message = describeListenError(error, command);
    if (message === undefined) throw error;
    cli.stderr.write(`marketprophit-rx: ${message}\n`);
    return 1;
  }
  cli.stdout.write(serveBanner(server));
  const signal = await firstValueFrom(cli.stop$);
  await server.close();
  cli.stderr.write(`${signal}: server stopped\n`);
  return 0;
};

/** `serve`, for the command table. */
export const serveCommand: CliCommand<ServeCommand> = {
  synopsis: 'serve [--port 4000] [--host 127.0.0.1] [--interval ms] [--seed n]',
  help: 'Runs the local Market Prophit-compatible server and prints its URL and test API key.',
  flags: serveFlags,
  parse: parseServe,
  run: runServe,
};
