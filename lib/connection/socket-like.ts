/**
 * The part of a socket.io client socket this library uses. socket.io-client 4's `Socket` fits it, and so
 * does socket.io-client 2's (for servers on socket.io 1.x/2.x), or a fake from `marketprophit-rx/testing`.
 */
export interface SocketLike {
  readonly connected: boolean;
  /** socket.io-client 4: false after the server refused the handshake or disconnected us. */
  readonly active?: boolean;
  readonly id?: string;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener?: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

/**
 * What a socket factory is given: the token goes in the handshake query. `reconnection` is false: the
 * client reconnects by itself, on its own backoff (a factory of yours should pass it on to `io`).
 */
export interface SocketFactoryOptions {
  readonly query: { readonly token: string };
  readonly reconnection: false;
}

/** Opens one socket.io connection; called once per token (default: socket.io-client's `io`). */
export type SocketFactory = (url: string, options: SocketFactoryOptions) => SocketLike;
