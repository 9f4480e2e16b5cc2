/**
 * - `idle`: nobody is subscribed; no token, no socket.
 * - `authenticating`: fetching a token.
 * - `connecting`: a socket is opening with a fresh token.
 * - `connected`: the socket is up; subscriptions are (re)sent.
 * - `reconnecting`: the socket dropped; socket.io (or we, after a server-side disconnect) reconnect.
 * - `failed`: a fatal error (e.g. the API key was refused); subscribers got it as an error.
 */
export type ClientState = 'idle' | 'authenticating' | 'connecting' | 'connected' | 'reconnecting' | 'failed';
