// One relay node in a child process, so the cluster spec can SIGKILL it. Started with `--import tsx`;
// answers 'stats' over the IPC channel.
import { startRelay, type RelayStats } from '../../lib/relay';
import { DEFAULT_API_KEY } from '../../lib/server';

export type RelayProcessMessage =
  | { readonly type: 'listening'; readonly url: string; readonly nodeId: string }
  | ({ readonly type: 'stats' } & RelayStats)
  | { readonly type: 'failed'; readonly message: string };

const send = (message: RelayProcessMessage) => process.send?.(message);

const main = async () => {
  const relay = await startRelay({
    upstream: { url: process.env['RELAY_UPSTREAM'] ?? '', apiKey: DEFAULT_API_KEY },
    redis: process.env['RELAY_REDIS'] ?? '',
    secret: process.env['RELAY_SECRET'] ?? '',
    leaseTtl: Number(process.env['RELAY_LEASE_TTL'] ?? 3000),
    linger: 100,
  });
  process.on('message', (message: unknown) => {
    if (message === 'stats') send({ type: 'stats', ...relay.stats() });
  });
  // The parent went away without killing us: do not stay behind.
  process.on('disconnect', () => void relay.close().then(() => process.exit(0)));
  send({ type: 'listening', url: relay.url, nodeId: relay.nodeId });
};

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
