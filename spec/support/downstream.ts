import { io, type Socket } from 'socket.io-client';

/** A raw downstream socket of a relay node, subscribed to one ticker of a path, recording what came. */
export interface Downstream {
  readonly socket: Socket;
  /** Index of the node it is connected to. */
  readonly node: number;
  readonly ticker: string;
  readonly timestamps: string[];
  /** When each event came (`Date.now()`), beside `timestamps`. */
  readonly arrivals: number[];
  /** Events for another ticker than its own (each a line saying which). */
  readonly misrouted: string[];
  /** When the socket connected, and so sent its `subscribe` (`Date.now()`); undefined until then. */
  readonly connectedAt: number | undefined;
  /** The `subscribe` ack: `null` or its error; undefined until it came. */
  readonly ackError: string | null | undefined;
  /** Disconnections and connect errors, each a line saying why. */
  readonly failures: string[];
}

/** Opens a socket to `url` with `token` (no reconnection) and subscribes it to `path` for `ticker`. */
export const openDownstream = (
  url: string,
  token: string,
  node: number,
  path: string,
  ticker: string,
): Downstream => {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    query: { token },
  });
  const client = {
    socket,
    node,
    ticker,
    timestamps: [] as string[],
    arrivals: [] as number[],
    misrouted: [] as string[],
    connectedAt: undefined as number | undefined,
    ackError: undefined as string | null | undefined,
    failures: [] as string[],
  };
  socket.on('connect', () => (client.connectedAt ??= Date.now()));
  socket.on('connect_error', (error) => client.failures.push(`connect_error: ${error.message}`));
  socket.on('disconnect', (reason) => client.failures.push(`disconnect: ${reason}`));
  socket.on('data', (event: { timestamp: string; results: { ticker?: string }[] }) => {
    const got = event.results[0]?.ticker;
    if (got !== ticker) client.misrouted.push(`${ticker} client got ${got ?? 'nothing'}`);
    client.timestamps.push(event.timestamp);
    client.arrivals.push(Date.now());
  });
  socket.emit('subscribe', { path, params: { ticker } }, (error: string | null) => (client.ackError = error));
  return client;
};
