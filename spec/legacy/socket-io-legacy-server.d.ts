// socket.io 1.x and 2.x ship no types: only what the legacy specs use (the two agree on all of it).

declare module 'socket.io-v2' {
  import type { Server as HttpServer } from 'node:http';

  namespace createServer {
    interface Socket {
      readonly id: string;
      readonly handshake: { readonly query: Readonly<Record<string, unknown>> };
      /** The engine.io connection under the namespace socket: closing it is a transport drop. */
      readonly conn: { readonly readyState: string; close(): void };
      on(event: string, listener: (...args: never[]) => void): this;
      emit(event: string, ...args: unknown[]): boolean;
      /** `true` closes the underlying connection too. */
      disconnect(close?: boolean): this;
    }
    interface Server {
      use(middleware: (socket: Socket, next: (error?: Error) => void) => void): this;
      on(event: 'connection', listener: (socket: Socket) => void): this;
      close(callback?: () => void): void;
    }
  }
  function createServer(server: HttpServer): createServer.Server;
  export = createServer;
}

declare module 'socket.io-v1' {
  import type createServer from 'socket.io-v2';
  const createServerV1: typeof createServer;
  export = createServerV1;
}
