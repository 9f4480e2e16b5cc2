import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions as IoOptions } from 'socket.io';
import { type CorsOrigins, ioCors } from './cors';
import { createHandshakeGuard } from './handshake';
import { createHttpHandler, type HistoricalRoute } from './http-handler';
import { type FrontHooks, NO_REPORT } from './hooks';
import type { ResolvedLimits } from './limits';
import { type Admit, attachSocketHandlers } from './socket-handlers';
import type { IoServer, ServerSocket } from './socket-types';
import type { Broadcast, Image, Peers, Publish, Source } from './source';
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
  readonly limits: ResolvedLimits;
  /** Fault injection and inspection (the local server's); none for the relay. */
  readonly hooks?: FrontHooks;
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
  readonly source: (broadcast: Broadcast) => Source;
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
  sockets(): ServerSocket[];
  /** Sockets held as slow consumers right now. */
  slowConsumers(): number;
  tokenRequests(): number;
  close(): Promise<void>;
}

export const startFront = async (options: FrontOptions): Promise<Front> => {
  const { authority, limits, hooks = {} } = options;
  const report = hooks.onEvent ?? NO_REPORT;
  const registry = createSubscriptionRegistry();
  let tokenRequests = 0;
  const http = createServer(
    { maxHeaderSize: 16_384 },
    createHttpHandler({
      issue: options.issue,
      report,
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

  const { onSent } = hooks;
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
      if (onSent === undefined) continue;
      for (const socketId of io.of('/').adapter.rooms.get(room) ?? []) {
        if (guard.slow.has(socketId)) continue; // held, not sent
        onSent({ type: 'sent', socketId, path, params, timestamp, results });
      }
    }
  };
  const peers: Peers = {
    serverSideEmit: (event, ...args) => void io.serverSideEmit(event, ...args),
    on: (event, listener) => void io.on(event, listener),
  };
  const broadcast: Broadcast = {
    publish,
    wants: (topicKey) => registry.topic(topicKey) !== undefined,
    audience(topicKey) {
      const entry = registry.topic(topicKey);
      if (entry === undefined) return 0;
      const rooms = io.of('/').adapter.rooms;
      let sockets = 0;
      for (const room of entry.rooms.keys()) sockets += rooms.get(room)?.size ?? 0;
      return sockets;
    },
    hangUp(topicKey) {
      for (const { socket } of registry.dropTopic(topicKey)) socket.disconnect(true);
    },
    peers,
  };
  io.use(createHandshakeGuard(authority, report));

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
  const source = options.source(broadcast);
  io.on('connection', (socket) =>
    attachSocketHandlers(socket, {
      authority,
      registry,
      report,
      ...(hooks.ack === undefined ? {} : { ack: hooks.ack }),
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
    sockets: () => [...io.of('/').sockets.values()],
    slowConsumers: () => guard.slow.size,
    tokenRequests: () => tokenRequests,
    close() {
      closing ??= (async () => {
        guard.dispose();
        http.closeAllConnections();
        await io.close();
      })();
      return closing;
    },
  };
};
