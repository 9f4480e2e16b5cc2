import { type Server as HttpServer, createServer } from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import createIoV1 from 'socket.io-v1';
import createIo from 'socket.io-v2';

export interface SubscriptionOptions {
  readonly path: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface LegacyServer {
  readonly url: string;
  /** Tokens the handshake accepts; every other one is refused with `next(new Error('Not authorized'))`. */
  readonly valid: Set<string>;
  /** The socket.io major version serving. */
  readonly generation: 1 | 2;
  /**
   * Every handshake, accepted or not, in order; `at` is `Date.now()`, `eio` the Engine.IO protocol
   * the client asked for (`'3'` for the Engine.IO 3 client, `'4'` for socket.io-client 4's try).
   */
  readonly handshakes: {
    readonly token: string;
    readonly accepted: boolean;
    readonly at: number;
    readonly eio: string;
  }[];
  readonly subscribes: { readonly socket: string; readonly options: SubscriptionOptions }[];
  readonly unsubscribes: { readonly socket: string; readonly options: SubscriptionOptions }[];
  /**
   * Namespace sockets connected now, over an open Engine.IO connection. (socket.io 1.x/2.x may add a
   * socket for a client's CONNECT packet that arrives as its connection closes, and never remove it:
   * socket.io-client 4's refused try leaves one behind.)
   */
  connected(): number;
  /** Server-initiated disconnect: `socket.disconnect(true)` on every socket. */
  hangUp(): void;
  /** Closes every engine.io connection: a lost transport, which the client's Manager reconnects. */
  dropTransports(): void;
  /** Writes a WebSocket frame with a reserved opcode: the client's transport errors and closes. */
  corruptTransports(): void;
  close(): Promise<void>;
}

const isOptions = (value: unknown): value is SubscriptionOptions =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { path?: unknown }).path === 'string' &&
  typeof (value as { params?: unknown }).params === 'object';

/** The records upstream sends for `/real-time/tweet-volume`: metric values as integer strings. */
const tweetVolume = (options: SubscriptionOptions) => ({
  params: options.params,
  path: options.path,
  results: [{ ts: new Date().toISOString(), ticker: String(options.params.ticker ?? 'AAPL'), volume: '12' }],
  timestamp: new Date().toISOString(),
});

export interface LegacyServerOptions {
  /** socket.io 1.7.4 (as the hosted service ran) or socket.io 2. @default 2 */
  readonly generation?: 1 | 2;
  /** Between two `data` events of one subscription, in ms. @default 20 */
  readonly interval?: number;
  /** The port to listen on (a restart takes its predecessor's). @default 0: any free port */
  readonly port?: number;
}

/**
 * A Market Prophit server the 1.x/2.x way, on socket.io 1.7.4 or 2: the token is checked by a
 * namespace middleware, `subscribe`/`unsubscribe` are acked with `callback(null)`, and every live
 * subscription gets a `data` event every `interval` ms; `POST /jwt` issues tokens for any key. Both
 * generations speak Engine.IO 3.
 */
export const startLegacyServer = async ({
  generation = 2,
  interval = 20,
  port: wanted = 0,
}: LegacyServerOptions = {}): Promise<LegacyServer> => {
  let issued = 0;
  // `POST /jwt` issues `token-1`, `token-2`, … (valid once the spec adds them to `valid`); socket.io
  // takes the /socket.io/ requests before this listener sees them.
  const http: HttpServer = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/jwt') {
      response.writeHead(404).end();
      return;
    }
    issued += 1;
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ token: `token-${issued}` }));
  });
  const io = (generation === 1 ? createIoV1 : createIo)(http);
  const tcp = new Set<NetSocket>();
  http.on('connection', (socket: NetSocket) => {
    tcp.add(socket);
    socket.on('close', () => tcp.delete(socket));
  });

  const valid = new Set<string>();
  const handshakes: LegacyServer['handshakes'] = [];
  const subscribes: LegacyServer['subscribes'] = [];
  const unsubscribes: LegacyServer['unsubscribes'] = [];
  const sockets = new Set<createIo.Socket>();
  /**
   * Every socket's publishing timer, cleared on `close`: a socket socket.io 1.x/2.x adds for a CONNECT
   * that arrives as its connection closes never hears `disconnect`, and its timer would outlive the server.
   */
  const timers = new Set<ReturnType<typeof setInterval>>();

  io.use((socket, next) => {
    const token = String(socket.handshake.query.token);
    const accepted = valid.has(token);
    handshakes.push({ token, accepted, at: Date.now(), eio: String(socket.handshake.query.EIO) });
    if (accepted) next();
    else next(new Error('Not authorized'));
  });

  io.on('connection', (socket) => {
    sockets.add(socket);
    const live = new Map<string, SubscriptionOptions>();
    const ack = (callback: unknown) => {
      if (typeof callback === 'function') callback(null);
    };
    socket.on('subscribe', (options: unknown, callback: unknown) => {
      if (!isOptions(options)) return;
      subscribes.push({ socket: socket.id, options });
      live.set(JSON.stringify(options), options);
      ack(callback);
    });
    socket.on('unsubscribe', (options: unknown, callback: unknown) => {
      if (!isOptions(options)) return;
      unsubscribes.push({ socket: socket.id, options });
      live.delete(JSON.stringify(options));
      ack(callback);
    });
    const publishing = setInterval(
      () => live.forEach((options) => socket.emit('data', tweetVolume(options))),
      interval,
    );
    timers.add(publishing);
    socket.on('disconnect', () => {
      clearInterval(publishing);
      timers.delete(publishing);
      sockets.delete(socket);
    });
  });

  await new Promise<void>((resolve) => http.listen(wanted, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    generation,
    valid,
    handshakes,
    subscribes,
    unsubscribes,
    connected: () => [...sockets].filter((socket) => socket.conn.readyState === 'open').length,
    hangUp: () => [...sockets].forEach((socket) => socket.disconnect(true)),
    dropTransports: () => [...sockets].forEach((socket) => socket.conn.close()),
    // FIN + opcode 0x3 (reserved), no payload: the client's `ws` rejects it with an `error` event.
    corruptTransports: () => tcp.forEach((socket) => socket.write(Buffer.from([0x83, 0x00]))),
    close: () =>
      new Promise<void>((resolve) => {
        tcp.forEach((socket) => socket.destroy());
        timers.forEach((timer) => clearInterval(timer));
        io.close(() => resolve());
      }),
  };
};
