// Run by close.spec.ts in a process of its own (`node --import tsx`): a client of the local server gets
// data, closes, the server closes, and then this process must exit by itself. Were close() to leave a
// socket or a timer (a minute of linger, the 5-hour token refresh), it would not: after 5 s it says
// what is still open and exits with code 2.
import { createClient } from '../../lib/client/create-client';
import { startServer } from '../../lib/server';
import { clientOptions } from '../support/client-options';
import { until } from '../support/wait';
import { AAPL, CROWD } from './support';

const main = async () => {
  const server = await startServer({ port: 0, interval: 15 });
  const client = createClient(clientOptions({ url: server.url, linger: 60_000 }));
  let events = 0;
  client.subscribe$(CROWD, AAPL).subscribe({ next: () => (events += 1) });
  await until('data', () => events > 0);
  client.close();
  await until('the server to see the socket close', () => server.stats().sockets === 0, 1_000);
  await server.close();
  setTimeout(() => {
    process.stdout.write(`still open: ${process.getActiveResourcesInfo().join(', ')}\n`);
    process.exit(2);
  }, 5_000).unref();
};

main().catch((error: unknown) => {
  process.stdout.write(`${String(error)}\n`);
  process.exit(1);
});
