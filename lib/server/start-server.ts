import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createAckPolicy } from './ack-policy';
import { createHandshakeGuard } from './handshake';
import { createHistoricalRoute } from './historical-route';
import { createHttpHandler } from './http-handler';
import type { LocalServer } from './local-server';
import { resolveOptions, type ServerOptions } from './options';
import { startPublisher } from './publisher';
import { createRecordGenerator } from './record-generator';
import { createServerLog } from './server-log';
import { attachSocketHandlers } from './socket-handlers';
import type { IoServer } from './socket-types';
import { createSubscriptionRegistry } from './subscription-registry';
import { createTokenAuthority } from './token-authority';
import type { TokenFaults } from './token-route';

/**
 * Starts a local Market Prophit-compatible server: `POST /jwt` issues HS256 tokens for the configured
 * API keys, and a socket.io 4 server (which also speaks to socket.io 2 clients) streams generated
 * `data` events for every real-time path of the catalogue.
 *
 * @example
 * const server = await startServer({ interval: 1000, seed: 42 });
 * const client = createClient({ url: server.url, apiKey: 'sk_test_marketprophit' });
 * // ...
 * await server.close();
 */
export const startServer = async (options?: ServerOptions): Promise<LocalServer> => {
  const resolved = resolveOptions(options);
  const log = createServerLog(resolved.logLimit);
  const authority = createTokenAuthority(resolved);
  const registry = createSubscriptionRegistry();
  const acks = createAckPolicy();
  const generator = createRecordGenerator(resolved.seed, resolved.tickers);
  const faults: TokenFaults = { remaining: 0, status: 503 };
  let tokenRequests = 0;

  const http = createServer(
    createHttpHandler({
      authority,
      faults,
      log,
      countRequest: () => (tokenRequests += 1),
      historical: createHistoricalRoute({
        authority,
        seed: resolved.seed,
        tickers: resolved.tickers,
        clock: resolved.clock,
      }),
    }),
  );
  const io: IoServer = new Server(http, { allowEIO3: true, cors: { origin: '*' } });
  io.use(createHandshakeGuard(authority, log));
  io.on('connection', (socket) => attachSocketHandlers(socket, { authority, registry, acks, log }));

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(resolved.port, resolved.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await io.close();
    throw error;
  }
  const stopPublisher = startPublisher({
    registry,
    generator,
    tickers: resolved.tickers,
    interval: resolved.interval,
    log,
  });
  const { port } = http.address() as AddressInfo;
  const sockets = () => [...io.of('/').sockets.values()];

  /** Disconnects the sockets whose token is no longer valid. */
  const disconnectInvalid = () => {
    for (const socket of sockets()) if (!authority.check(socket.data.token).ok) socket.disconnect(true);
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      stopPublisher();
      acks.dispose();
      http.closeAllConnections();
      await io.close();
      log.complete();
    })();
    return closing;
  };

  return {
    url: `http://${resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host}:${port}`,
    port,
    seed: resolved.seed,
    secret: resolved.secret,
    close,
    dropAllSockets: () => sockets().forEach((socket) => socket.conn.close()),
    disconnectAll: () => sockets().forEach((socket) => socket.disconnect(true)),
    failTokenRequests(count, status = 503) {
      faults.remaining = count;
      faults.status = status;
    },
    setAckMode(mode) {
      acks.mode = mode;
    },
    injectRaw(payload, event = 'data') {
      const count = sockets().length;
      io.emit(event, payload);
      log.add({ type: 'injected', event, payload, sockets: count });
    },
    revokeTokens() {
      authority.invalidateAll('revoked');
      disconnectInvalid();
    },
    expireTokens() {
      authority.invalidateAll('expired');
      disconnectInvalid();
    },
    stats: () => ({ sockets: io.of('/').sockets.size, tokenRequests, subscriptions: registry.size }),
    subscriptions: () => registry.list(),
    log: log.entries,
    events$: log.events$,
  };
};
