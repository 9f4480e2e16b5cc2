// A local server or a relay node in a child process of its own, so a spec can SIGKILL it (and start
// another on the same port). Forked by `forkServing` (child-process.ts) with `--import tsx` and the
// arguments `server|relay <options as JSON>`; talks to its parent over the IPC channel.
import { startRelay, type RelayOptions, type RelayStats } from '../../lib/relay';
import { startServer, type ServerOptions, type ServerStats } from '../../lib/server';
import { describeReason } from '../../lib/util/describe-reason';

/** What the child sends: once `ready` (or `failed`), then a `stats` answer per `'stats'` request. */
export type ServingMessage =
  | { readonly type: 'ready'; readonly url: string; readonly port: number; readonly nodeId?: string }
  | { readonly type: 'stats'; readonly stats: ServerStats | RelayStats }
  | { readonly type: 'rss'; readonly rss: number }
  | { readonly type: 'failed'; readonly message: string };

interface Serving {
  readonly url: string;
  readonly port: number;
  readonly nodeId?: string;
  stats(): ServerStats | RelayStats;
  close(): Promise<void>;
}

const send = (message: ServingMessage) => process.send?.(message);

const start = (kind: string | undefined, options: unknown): Promise<Serving> => {
  if (kind === 'server') return startServer(options as ServerOptions);
  if (kind === 'relay') return startRelay(options as RelayOptions);
  throw new Error(`serving-process: unknown kind '${kind}' (server or relay)`);
};

const main = async () => {
  const [kind, options = '{}'] = process.argv.slice(2);
  const serving = await start(kind, JSON.parse(options));
  process.on('message', (message: unknown) => {
    if (message === 'stats') send({ type: 'stats', stats: serving.stats() });
    if (message === 'rss') {
      (globalThis as { gc?: () => void }).gc?.();
      send({ type: 'rss', rss: process.memoryUsage().rss });
    }
  });
  const close = () => void serving.close().finally(() => process.exit(0));
  process.once('SIGTERM', close);
  // The parent went away without stopping us: do not stay behind holding the port.
  process.once('disconnect', close);
  const { url, port, nodeId } = serving;
  send({ type: 'ready', url, port, ...(nodeId === undefined ? {} : { nodeId }) });
};

main().catch((error: unknown) => {
  const failed: ServingMessage = { type: 'failed', message: describeReason(error) };
  // Exits once the message is out.
  if (process.send === undefined) process.exit(1);
  else process.send(failed, () => process.exit(1));
});
