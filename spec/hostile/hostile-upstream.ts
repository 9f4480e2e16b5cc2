import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';

/** How the hostile upstream answers a `subscribe`: the ack's first argument (`null` accepts). */
export type AckAnswer = (options: { path?: unknown; params?: unknown }) => unknown;

/**
 * A socket.io 4 server on 127.0.0.1 that plays a compromised upstream: it acks `subscribe` with
 * whatever `answer` returns (objects included) and can write raw socket.io packets, byte for byte,
 * to every client. The local server cannot do either: its acks are strings, and it serialises what it
 * sends with `JSON.stringify`, which overflows a few thousand levels down, so it cannot send the 30,000
 * levels an attacker can write by hand.
 */
export const startHostileUpstream = async (answer: AckAnswer = () => null) => {
  const http = createServer();
  const io = new Server(http, { cors: { origin: '*' } });
  const sockets = new Set<Socket>();
  const subscribed: { path?: unknown; params?: unknown }[] = [];
  io.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('disconnect', () => sockets.delete(socket));
    socket.on('subscribe', (options: { path?: unknown; params?: unknown }, ack: (error: unknown) => void) => {
      subscribed.push(options);
      ack(answer(options));
    });
    socket.on('unsubscribe', (_options: unknown, ack: (error: unknown) => void) => ack(null));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    subscribed,
    /** Emits a well-formed `data` event to every client. */
    publish(payload: unknown): void {
      io.emit('data', payload);
    },
    /**
     * Writes `["data",<json>]` as a socket.io EVENT packet (`2…`) straight onto each client's
     * engine.io connection: the JSON text goes over the wire exactly as given.
     */
    sendRawData(json: string): void {
      for (const socket of sockets) socket.conn.write(`2["data",${json}]`);
    },
    connected: (): number => sockets.size,
    close: (): Promise<void> => io.close().then(() => undefined),
  };
};

export type HostileUpstream = Awaited<ReturnType<typeof startHostileUpstream>>;
