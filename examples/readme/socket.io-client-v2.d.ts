// socket.io-client-v2.d.ts
declare module 'socket.io-client-v2' {
  import type { SocketLike } from 'marketprophit-rx';
  const io: (url: string, options: Record<string, unknown>) => SocketLike;
  export = io;
}
