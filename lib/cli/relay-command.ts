import { firstValueFrom } from 'rxjs';
import { startRelay } from '../relay/start-relay';
import { DEFAULT_API_KEY } from '../server/options';
import { startServer } from '../server/start-server';
import type { CliEnvironment } from './cli-environment';
import type { RelayCommand } from './command';
import { API_KEY_VARIABLE } from './stream-target';

export const RELAY_SECRET_VARIABLE = 'RELAY_SECRET';

/** `relay`: runs a relay node until SIGINT/SIGTERM. Resolves to the exit code. */
export const runRelay = async (
  command: RelayCommand,
  cli: CliEnvironment,
  usageError: (cli: CliEnvironment, message: string) => number,
): Promise<number> => {
  const apiKey = cli.env[API_KEY_VARIABLE] || undefined;
  const secret = cli.env[RELAY_SECRET_VARIABLE] || undefined;
  if (command.url !== undefined && apiKey === undefined) {
    return usageError(cli, `--url needs an API key: set ${API_KEY_VARIABLE}`);
  }
  if (command.redis !== undefined && secret === undefined) {
    return usageError(cli, `--redis needs ${RELAY_SECRET_VARIABLE}, the same on every node of the cluster`);
  }
  const embedded = command.url === undefined ? await startServer() : undefined;
  try {
    const relay = await startRelay({
      upstream:
        embedded === undefined
          ? { url: command.url, apiKey }
          : { url: embedded.url, apiKey: DEFAULT_API_KEY },
      port: command.port,
      host: command.host,
      ...(secret === undefined ? {} : { secret }),
      ...(command.redis === undefined ? {} : { redis: command.redis }),
      ...(command.public ? { authorize: () => true } : {}),
      onProblem: ({ kind, topic, error }) =>
        cli.stderr.write(
          `${kind} problem for ${topic}: ${error instanceof Error ? error.message : String(error)}\n`,
        ),
    });
    cli.stdout.write(`Market Prophit relay listening on ${relay.url}
Upstream: ${embedded === undefined ? command.url : `embedded local server ${embedded.url}`}${
      command.redis === undefined ? '' : `\nCluster: ${command.redis} (node ${relay.nodeId})`
    }
Tokens: POST ${relay.url}/jwt (${command.public ? 'anyone' : 'loopback callers only'})

Point a client at it:
  createClient({ url: '${relay.url}', token: proxyToken('${relay.url}/jwt') })

Ctrl-C stops it.
`);
    const signal = await firstValueFrom(cli.stop$);
    await relay.close();
    cli.stderr.write(`${signal}: relay stopped\n`);
    return 0;
  } finally {
    await embedded?.close();
  }
};
