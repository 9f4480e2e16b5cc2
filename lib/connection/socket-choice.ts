import type { SocketFactory } from './socket-like';

/**
 * Which socket.io client the default socket speaks: `'auto'` finds out (socket.io-client 4 first; a
 * server on socket.io 1.x/2.x is recognised by its refusal and the Engine.IO 3 client takes over, for
 * that URL, for the life of the process), `2` the Engine.IO 3 client (socket.io 1.x/2.x servers,
 * Node only), `4` socket.io-client 4 (socket.io 3.x/4.x servers).
 */
export type SocketIoVersion = 'auto' | 2 | 4;

/** `socketIo`, checked (JavaScript callers): the version, or a TypeError naming what `versions` allow. */
export const checkSocketIo = (socketIo: unknown, versions: readonly SocketIoVersion[]): SocketIoVersion => {
  if (versions.includes(socketIo as SocketIoVersion)) return socketIo as SocketIoVersion;
  throw new TypeError(
    `createClient: \`socketIo\` is ${versions.map(String).join(', ')} here, got ${String(socketIo)}` +
      ' (see docs/legacy-servers.md in the marketprophit-rx package)',
  );
};

/** What a protocol mismatch means: `switched` (information: the other client is in use now), or the advice of the error. */
export interface MismatchAnswer {
  readonly switched: boolean;
  readonly message: string;
}

/** The socket a URL gets, and what to do when its server speaks another socket.io protocol. */
export interface SocketChoice {
  readonly open: SocketFactory;
  /**
   * The server refused the protocol of the socket `open` gave for `url`. If `switched`, `open` now
   * gives the other client. Absent (a `socket` factory of the user's): the mismatch is theirs to mend.
   */
  mismatch?(url: string): MismatchAnswer;
}

const SPEAKS = { 2: 'socket.io 1.x/2.x (Engine.IO 3)', 4: 'socket.io 3.x/4.x' } as const;
const CLIENT = { 2: 'the Engine.IO 3 client', 4: 'socket.io-client 4' } as const;

/** Information: `url`'s server speaks `generation`, and its client is used from now on. */
export const switchedMessage = (url: string, generation: 2 | 4): string =>
  `${url} speaks ${SPEAKS[generation]}; using ${CLIENT[generation]}`;

/** The advice when `socketIo` was set to the generation the server does not speak. */
export const wrongVersionMessage = (url: string, tried: 2 | 4): string => {
  const other = tried === 2 ? 4 : 2;
  return `${url} speaks ${SPEAKS[other]}, but \`socketIo\` is ${tried}: use 'auto' (the default) or ${other}`;
};
