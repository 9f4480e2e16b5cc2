import { firstValueFrom } from 'rxjs';
import { checkSecret } from '../relay/relay-secret';
import type { SocketIoVersion } from '../connection/socket-choice';
import { startRelay } from '../relay/start-relay';
import { DEFAULT_API_KEY } from '../server/options';
import { startServer } from '../server/start-server';
import { describeReason } from '../util/describe-reason';
import { jsonLine, relayLog, type RelayLogFormat } from './relay-log';
import type { CliCommand, CliEnvironment } from './cli-environment';
import { parseRelayAccess, type RelayAccess, relayAccessFlags, relayAccessHelp } from './relay-access-flags';
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
import { API_KEY_VARIABLE } from './stream-command';
import { usageError } from './usage-error';

export const RELAY_SECRET_VARIABLE = 'RELAY_SECRET';

export interface RelayCommand extends RelayAccess {
  readonly kind: 'relay';
  readonly port: number;
  readonly host: string;
  /** Upstream; `undefined`: an embedded local server. */
  readonly url: string | undefined;
  /** Redis URL of the cluster to join; `undefined`: a single node. */
  readonly redis: string | undefined;
  /** `--standby 1`: a hot standby per topic (needs `--redis`). */
  readonly standby: 0 | 1;
  /** Give a relay token to anyone who asks (behind your own sign-in); otherwise loopback only. */
  readonly public: boolean;
  /** `json`: one JSON object per line on stdout and stderr. */
  readonly log: RelayLogFormat;
  /** Serve Prometheus metrics at `GET /metrics`. */
  readonly metrics: boolean;
  /** `--socket-io`: the upstream client's `socketIo`; `undefined`: auto. */
  readonly socketIo?: SocketIoVersion | undefined;
}

const relayFlags = {
  help: 'boolean',
  version: 'boolean',
  port: 'string',
  host: 'string',
  url: 'string',
  redis: 'string',
  standby: 'string',
  public: 'boolean',
  log: 'string',
  metrics: 'boolean',
  'socket-io': 'string',
  ...relayAccessFlags,
} as const;

/** Reads `relay [--port P] [--host H] [--url U] [--redis R] [--standby 0|1] [--public] [--cors O] [--trust-proxy T] [--metrics] [--log F] [--socket-io V]`. */
export const parseRelay = (read: ReadFlags): Read<RelayCommand> => {
  const extra = noExtra(read.positionals, 'relay');
  if (!extra.ok) return extra;
  const port = integerFlag(read.flags, 'port', 0, 65_535);
  if (!port.ok) return port;
  const url = urlFlag(read.flags);
  if (!url.ok) return url;
  const redis = stringFlag(read.flags, 'redis');
  if (redis !== undefined && !/^rediss?:\/\/\S+$/.test(redis)) {
    return fail(`--redis must be a Redis URL like redis://127.0.0.1:6379, got '${redis}'`);
  }
  const standby = stringFlag(read.flags, 'standby') ?? '0';
  if (standby !== '0' && standby !== '1') return fail(`--standby must be 0 or 1, got '${standby}'`);
  if (standby === '1' && redis === undefined)
    return fail('--standby 1 needs --redis (standbys are other nodes of a cluster)');
  const log = stringFlag(read.flags, 'log') ?? 'text';
  if (log !== 'text' && log !== 'json') return fail(`--log must be text or json, got '${log}'`);
  const access = parseRelayAccess(read.flags);
  if (!access.ok) return access;
  const socketIo = socketIoFlag(read.flags);
  if (!socketIo.ok) return socketIo;
  return ok({
    kind: 'relay',
    port: port.value ?? 8080,
    host: stringFlag(read.flags, 'host') ?? '127.0.0.1',
    url: url.value,
    redis,
    standby: standby === '1' ? 1 : 0,
    public: read.flags.has('public'),
    log,
    metrics: read.flags.has('metrics'),
    ...access.value,
    socketIo: socketIo.value,
  });
};

/** Who gets a relay token, for the banner. */
const tokensFor = (command: RelayCommand): string => {
  if (command.public) return 'anyone';
  return command.trustProxy === undefined
    ? 'loopback callers only; forwarded requests refused, see --trust-proxy'
    : 'loopback callers only, read through the trusted proxies';
};

/** `relay`: runs a relay node until SIGINT/SIGTERM. Resolves to the exit code. */
export const runRelay = async (command: RelayCommand, cli: CliEnvironment): Promise<number> => {
  const apiKey = cli.env[API_KEY_VARIABLE] || undefined;
  const secret = cli.env[RELAY_SECRET_VARIABLE] || undefined;
  if (command.url !== undefined && apiKey === undefined) {
    return usageError(cli, `--url needs an API key: set ${API_KEY_VARIABLE}`);
  }
  if (command.redis !== undefined && secret === undefined) {
    return usageError(cli, `--redis needs ${RELAY_SECRET_VARIABLE}, the same on every node of the cluster`);
  }
  if (secret !== undefined) {
    try {
      checkSecret(RELAY_SECRET_VARIABLE, secret);
    } catch (error) {
      return usageError(cli, describeReason(error));
    }
  }
  const log = relayLog(command.log);
  const embedded = command.url === undefined ? await startServer() : undefined;
  try {
    const relay = await startRelay({
      upstream:
        embedded === undefined
          ? {
              url: command.url,
              apiKey,
              ...(command.socketIo === undefined ? {} : { socketIo: command.socketIo }),
            }
          : { url: embedded.url, apiKey: DEFAULT_API_KEY },
      port: command.port,
      host: command.host,
      ...(secret === undefined ? {} : { secret }),
      ...(command.redis === undefined ? {} : { redis: command.redis }),
      ...(command.standby === 1 ? { standby: 1 as const } : {}),
      ...(command.public ? { authorize: () => true } : {}),
      origins: command.origins,
      ...(command.trustProxy === undefined ? {} : { trustProxy: command.trustProxy }),
      ...(command.metrics ? { metrics: true } : {}),
      onWarning: (message) => cli.stderr.write(log.warning(message)),
      onProblem: (problem) => cli.stderr.write(log.problem(problem)),
      onStatus: (change) => cli.stderr.write(log.status(change)),
    });
    if (command.log === 'json') {
      cli.stdout.write(
        jsonLine('info', 'listening', {
          url: relay.url,
          upstream: embedded === undefined ? command.url : embedded.url,
          ...(command.redis === undefined ? {} : { redis: command.redis, nodeId: relay.nodeId }),
        }),
      );
    } else
      cli.stdout.write(`Market Prophit relay listening on ${relay.url}
Upstream: ${embedded === undefined ? command.url : `embedded local server ${embedded.url}`}${
        command.redis === undefined ? '' : `\nCluster: ${command.redis} (node ${relay.nodeId})`
      }
Tokens: POST ${relay.url}/jwt (${tokensFor(command)})

Point a client at it:
  createClient({ url: '${relay.url}', token: proxyToken('${relay.url}/jwt') })

Ctrl-C stops it.
`);
    const signal = await firstValueFrom(cli.stop$);
    await relay.close();
    cli.stderr.write(log.stopped(signal));
    return 0;
  } finally {
    await embedded?.close();
  }
};

/** `relay`, for the command table. */
export const relayCommand: CliCommand<RelayCommand> = {
  synopsis:
    'relay [--port 8080] [--host 127.0.0.1] [--url UPSTREAM] [--redis URL] [--standby 0|1] [--public] [--cors ORIGINS] [--trust-proxy HOPS] [--metrics] [--log text|json] [--socket-io auto|2|4]',
  help: `Serves the feed to many clients: one upstream subscription per topic, re-served over the
Market Prophit protocol. Without --url it relays an embedded local server; with --url set
${API_KEY_VARIABLE}. --redis joins a cluster of relays (set ${RELAY_SECRET_VARIABLE}, the same on every node).
  --standby 1           with --redis: a hot standby per topic, so a killed node costs no event (2x upstream)
  --public              give relay tokens to any caller (default: loopback callers only)
${relayAccessHelp}
  --metrics             serve Prometheus metrics at GET /metrics (npm install prom-client); /healthz and /readyz always
  --log json            one JSON object per line (time, level, event, fields) instead of readable lines
  --socket-io auto|2|4  upstream's socket.io: auto (default: found out), 2 (1.x/2.x) or 4 (3.x/4.x)`,
  flags: relayFlags,
  parse: parseRelay,
  run: runRelay,
};
