// The local server in a child process, so a spec can SIGKILL it and start another on the same port.
// Started by `forkServer()` (support.ts) with `--import tsx`; answers 'stats' over the IPC channel.
import { startServer, type ServerStats } from '../../lib/server';

export type ServerProcessMessage =
  | { readonly type: 'listening'; readonly port: number; readonly url: string }
  | ({ readonly type: 'stats' } & ServerStats)
  | { readonly type: 'failed'; readonly message: string };

const send = (message: ServerProcessMessage) => process.send?.(message);

const main = async () => {
  const server = await startServer({
    port: Number(process.env['FAULT_SERVER_PORT'] ?? 0),
    secret: process.env['FAULT_SERVER_SECRET'],
    interval: 10,
    logLimit: 50,
  });
  process.on('message', (message: unknown) => {
    if (message === 'stats') send({ type: 'stats', ...server.stats() });
  });
  // The parent went away without killing us: do not stay behind holding the port.
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  send({ type: 'listening', port: server.port, url: server.url });
};

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
