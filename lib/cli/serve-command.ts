import { firstValueFrom } from 'rxjs';
import type { LocalServer } from '../server/local-server';
import { DEFAULT_API_KEY } from '../server/options';
import { startServer } from '../server/start-server';
import type { CliEnvironment } from './cli-environment';
import type { ServeCommand } from './command';
import { API_KEY_VARIABLE } from './stream-target';

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
  const server = await startServer({
    port: command.port,
    host: command.host,
    ...(command.interval === undefined ? {} : { interval: command.interval }),
    ...(command.seed === undefined ? {} : { seed: command.seed }),
  });
  cli.stdout.write(serveBanner(server));
  const signal = await firstValueFrom(cli.stop$);
  await server.close();
  cli.stderr.write(`${signal}: server stopped\n`);
  return 0;
};
