import type { JwtClaims } from './jwt';
import type { DefaultEventsMap, Server, Socket } from 'socket.io';

/** What the handshake learned about a socket. */
export interface SocketData {
  readonly keyId: string;
  readonly token: string;
  /** The token's claims, as the handshake verified them. */
  readonly claims: JwtClaims;
}

// Default event maps: `injectRaw` may emit any event name with any payload.
export type ServerSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
export type IoServer = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
