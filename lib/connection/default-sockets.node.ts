import { defaultSocketFactory } from './default-socket-factory';
import { eio3Socket } from './eio3-socket';
import {
  type SocketChoice,
  type SocketIoVersion,
  checkSocketIo,
  switchedMessage,
  wrongVersionMessage,
} from './socket-choice';

/** URLs remembered at most; past it, the oldest is forgotten (and detected again if used again). */
const MAX_REMEMBERED = 256;

/** The generation each URL's server turned out to speak, for the life of the process. */
const detected = new Map<string, 2 | 4>();

const remember = (url: string, generation: 2 | 4) => {
  detected.delete(url);
  detected.set(url, generation);
  if (detected.size > MAX_REMEMBERED) detected.delete(detected.keys().next().value as string);
};

/**
 * The default socket in Node (package.json `imports` `#default-socket`, condition `node`): every
 * socket.io generation. `'auto'` opens socket.io-client 4 unless the URL's server was found to speak
 * socket.io 1.x/2.x; a mismatch switches the URL to the other client, once per connection attempt
 * (the connection stream fails on a second one).
 */
export const defaultSockets = (socketIo: SocketIoVersion): SocketChoice => {
  checkSocketIo(socketIo, ['auto', 2, 4]);
  const generationOf = (url: string) => (socketIo === 'auto' ? (detected.get(url) ?? 4) : socketIo);
  return {
    open: (url, options) => (generationOf(url) === 2 ? eio3Socket : defaultSocketFactory)(url, options),
    mismatch: (url) => {
      const tried = generationOf(url);
      if (socketIo !== 'auto') return { switched: false, message: wrongVersionMessage(url, tried) };
      const other = tried === 2 ? 4 : 2;
      remember(url, other);
      return { switched: true, message: switchedMessage(url, other) };
    },
  };
};
