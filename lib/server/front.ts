import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions as IoOptions } from 'socket.io';
import type { AckPolicy } from './ack-policy';
import { type CorsOrigins, ioCors } from './cors';
import { createHandshakeGuard } from './handshake';
import { createHttpHandler, type HistoricalRoute } from './http-handler';
import type { ResolvedLimits } from './limits';
import type { ServerLog } from './server-log';
import { type Admit, attachSocketHandlers } from './socket-handlers';
import type { IoServer, ServerSocket } from './socket-types';
import type { Image, Publish, Source } from './source';
import { createSlowConsumerGuard, type SlowConsumerAction } from './slow-consumer';
import { createSubscriptionRegistry, type SubscriptionRegistry } from './subscription-registry';
import type { TokenAuthority } from './token-authority';
import type { TokenIssuer } from './token-route';
import { createTokenTopics } from './token-topics';

export interface FrontOptions {
  readonly port: number;
  readonly host: string;
  readonly authority: TokenAuthority;
  readonly issue: TokenIssuer;
  readonly historical?: HistoricalRoute;
  readonly acks: AckPolicy;
  readonly log: ServerLog;
  readonly limits: ResolvedLimits;
  /** Log a `sent` entry per socket and publication (the local server's inspection API). */
  readonly logSent: boolean;
  /** Which web origins may read `/jwt` and socket.io's polling answers (CORS). */
  readonly origins: CorsOrigins;
  /** Decides each valid `subscribe` (the relay's entitlements); absent: all are admitted. */
  readonly admit?: Admit;
  /** socket.io's adapter (the relay's cluster uses the Redis adapter); default in memory. */
  readonly adapter?: IoOptions['adapter'];
  /** Hears what the slow-consumer guard does (for counters and logs). */
  readonly onSlowConsumer?: (action: SlowConsumerAction) => void;
  /**
   * A topic's latest publication, sent to a socket right after its `subscribe` is acked unless a
   * publication reached it first (image on join; the relay). Absent: sockets wait for the next one.
   */
  readonly image?: (topicKey: string) => Image | undefined;
  /** Built once the front listens, so a source can publish through it. */
  readonly source: (publish: Publish, io: IoServer) => Source;
}

/**
 * The Market Prophit protocol, served: `POST /jwt`, the token handshake, `subscribe`/`unsubscribe`
 * with acks and limits, `data` events to each topic's sockets. The local server and the relay are this
 * front with two sources.
 */
export interface Front {
  readonly url: string;
  readonly port: number;
  readonly http: HttpServer;
  readonly io: IoServer;
  readonly registry: SubscriptionRegistry;
  readonly publish: Publish;
  sockets(): ServerSocket[];
  /** Sockets held as slow consumers right now. */
  slowConsumers(): number;
  tokenRequests(): number;
  close(): Promise<void>;
}

export const startFront = async (options: FrontOptions): Promise<Front> => {
  const { authority, acks, log, limits } = options;
  const registry = createSubscriptionRegistry();
  let tokenRequests = 0;
  const http = createServer(
    { maxHeaderSize: 16_384 },
    createHttpHandler({
      issue: options.issue,
      log,
      countRequest: () => (tokenRequests += 1),
      maxBodyBytes: limits.maxBodyBytes,
      origins: options.origins,
      ...(options.historical === undefined ? {} : { historical: options.historical }),
    }),
  );
  const io: IoServer = new Server(http, {
    allowEIO3: true,
    cors: ioCors(options.origins),
    maxHttpBufferSize: limits.maxPayloadBytes,
    ...(options.adapter === undefined ? {} : { adapter: options.adapter }),
  });

  const guard = createSlowConsumerGuard({
    io,
    maxQueued: limits.slowConsumerBytes,
    timeout: limits.slowConsumerTimeout,
    ...(options.onSlowConsumer === undefined ? {} : { onAction: options.onSlowConsumer }),
  });
  const tokenTopics = createTokenTopics(limits.maxTopicsPerToken);

  const publish: Publish = (topicKey, results, timestamp) => {
    const entry = registry.topic(topicKey);
    if (entry === undefined) return;
    entry.published += 1;
    for (const [room, { path, params }] of entry.rooms) {
      const payload = { params, path, results, timestamp };
      if (guard.slow.size === 0) io.local.to(room).emit('data', payload);
      else {
        // Slow consumers get the latest of each topic once they drain, not every publication now.
        io.local
          .to(room)
          .except([...guard.slow])
          .emit('data', payload);
        const members = io.of('/').adapter.rooms.get(room);
        for (const socketId of guard.slow) if (members?.has(socketId)) guard.hold(socketId, room, payload);
      }
      if (!options.logSent) continue;
      for (const socketId of io.of('/').adapter.rooms.get(room) ?? []) {
        if (guard.slow.has(socketId)) continue; // held, not sent
        log.add({ type: 'sent', socketId, path, params, timestamp, results: results as never });
      }
    }
  };
  io.use(createHandshakeGuard(authority, log));

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    guard.dispose();
    await io.close();
    throw error;
  }
  // Built once listening, so a server that never started leaves no source (and no timer) behind.
  const source = options.source(publish, io);
  io.on('connection', (socket) =>
    attachSocketHandlers(socket, {
      authority,
      registry,
      acks,
      log,
      limits,
      source,
      tokenTopics,
      ...(options.admit === undefined ? {} : { admit: options.admit }),
      ...(options.image === undefined ? {} : { image: options.image }),
    }),
  );
  const { port } = http.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    http,
    io,
    registry,
    publish,
    sockets: () => [...io.of('/').sockets.values()],
    slowConsumers: () => guard.slow.size,
    tokenRequests: () => tokenRequests,
    close() {
      closing ??= (async () => {
        acks.dispose();
        guard.dispose();
        http.closeAllConnections();
        await io.close();
      })();
      return closing;
    },
  };
};
