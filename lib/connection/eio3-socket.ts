import { WebSocket } from 'ws';
import { DISCONNECT, PING, encodeAck, encodeEvent, parseEio3Frame } from './eio3-packet';
import { PROTOCOL_MISMATCH_TYPE } from './protocol-mismatch';
import type { SocketFactory, SocketLike } from './socket-like';

/** The largest frame read, in bytes (after inflating): a bigger one closes the connection. */
export const EIO3_MAX_FRAME = 16 * 1024 * 1024;
/** The server's heartbeat is taken within these bounds, in ms, so a hostile one cannot spin us. */
const HEARTBEAT_MIN = 1_000;
const HEARTBEAT_MAX = 1_000_000_000;
/** The most of a refused upgrade's body that is read, for its reason. */
const MAX_REFUSAL_BODY = 1_024;
/** Events the server may not fire at our listeners: they are the socket's own. */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'error']);

type Listener = (...args: never[]) => void;

const clamp = (ms: number) => Math.min(Math.max(ms, HEARTBEAT_MIN), HEARTBEAT_MAX);

/** `ws(s)://host/socket.io/?EIO=3&transport=websocket&…query`, from the client's `http(s)` url. */
const endpointOf = (url: string, query: Readonly<Record<string, string>>): string => {
  const endpoint = new URL(url);
  endpoint.protocol = endpoint.protocol === 'https:' || endpoint.protocol === 'wss:' ? 'wss:' : 'ws:';
  endpoint.pathname = '/socket.io/';
  endpoint.hash = '';
  endpoint.searchParams.set('EIO', '3');
  endpoint.searchParams.set('transport', 'websocket');
  Object.entries(query).forEach(([key, value]) => endpoint.searchParams.set(key, value));
  return endpoint.toString();
};

const mismatch = (url: string, detail: string): Error =>
  Object.assign(
    new Error(`${url} did not open an Engine.IO 3 session (${detail}): it speaks socket.io 3.x/4.x`),
    { type: PROTOCOL_MISMATCH_TYPE },
  );

/**
 * A socket.io client for servers on socket.io 1.x/2.x: Engine.IO 3 over WebSocket only (no polling, no
 * binary packets), the default namespace, events with acks. It behaves as socket.io-client 4's socket
 * does where the library looks: `connect`, `disconnect` (with socket.io's reasons), `connect_error`,
 * and `error` for a refused handshake (the server's `44` packet, as socket.io-client 2 reports it).
 * Every frame is read by `parseEio3Frame` (linear, bounded by {@link EIO3_MAX_FRAME}); a frame it
 * cannot read ends the connection with reason `parse error`. It connects at once, as `io` does; no
 * reconnection of its own: `connect()` after a close opens a new WebSocket.
 */
export const eio3Socket: SocketFactory = (url, { query }) => {
  const listeners = new Map<string, Listener[]>();
  const acks = new Map<number, (...args: unknown[]) => void>();
  let ws: WebSocket | undefined;
  let connected = false;
  let id: string | undefined;
  let nextAck = 0;
  let pingTimer: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;

  const fire = (event: string, ...args: unknown[]) =>
    [...(listeners.get(event) ?? [])].forEach((listener) => (listener as (...a: unknown[]) => void)(...args));

  const stopTimers = () => {
    clearTimeout(pingTimer);
    clearTimeout(deadline);
  };

  /** Ends the current WebSocket: `disconnect` with `reason` if it was connected, else `connect_error`. */
  const end = (reason: string, error?: Error) => {
    const current = ws;
    if (current === undefined) return;
    ws = undefined;
    stopTimers();
    acks.clear();
    current.removeAllListeners();
    current.on('error', () => undefined); // a late error of a socket we left must not throw
    if (current.readyState === WebSocket.OPEN && connected) current.send(DISCONNECT);
    current.terminate();
    if (connected) {
      connected = false;
      fire('disconnect', reason);
    } else if (error !== undefined) {
      fire('connect_error', error);
    }
  };

  const send = (frame: string) => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(frame);
  };

  const open = () => {
    const current = new WebSocket(endpointOf(url, query), { maxPayload: EIO3_MAX_FRAME });
    ws = current;
    let upgraded = false;
    let opened = false;
    // Engine.IO 3: the client pings every `pingInterval`; no frame for `pingInterval + pingTimeout` ends it.
    let pingInterval = HEARTBEAT_MIN;
    let heartbeat = 0;
    let lastError: Error | undefined;

    const keepAlive = () => {
      clearTimeout(deadline);
      deadline = setTimeout(() => end('ping timeout', new Error('ping timeout')), heartbeat);
    };
    const schedulePing = (interval: number) => {
      clearTimeout(pingTimer);
      pingTimer = setTimeout(() => send(PING), interval);
    };

    current.on('unexpected-response', (request, response) => {
      let body = '';
      const decide = () => {
        response.removeAllListeners();
        request.destroy();
        const detail = `HTTP ${response.statusCode}: ${body.trim()}`;
        end(
          'transport error',
          /protocol version/i.test(body) ? mismatch(url, detail) : new Error(`websocket error: ${detail}`),
        );
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
        if (body.length >= MAX_REFUSAL_BODY) decide();
      });
      response.on('end', decide);
      response.on('error', decide);
    });
    current.on('open', () => (upgraded = true));
    current.on('error', (error) => (lastError = error));
    current.on('close', () => {
      if (upgraded && !opened) end('transport close', mismatch(url, describeClose(lastError)));
      else end('transport close', new Error(`websocket error: ${describeClose(lastError)}`));
    });
    current.on('message', (data, isBinary) => {
      if (isBinary) return end('parse error', new Error('parse error: a binary frame'));
      const packet = parseEio3Frame(String(data));
      if (opened) keepAlive();
      switch (packet.kind) {
        case 'open':
          if (opened) return;
          opened = true;
          id = packet.sid;
          pingInterval = clamp(packet.pingInterval);
          heartbeat = pingInterval + clamp(packet.pingTimeout);
          schedulePing(pingInterval);
          keepAlive();
          return;
        case 'pong':
          return schedulePing(pingInterval);
        case 'ping':
          return send('3');
        case 'close':
          return end('transport close', new Error('websocket error: the server closed the session'));
        case 'invalid':
          return end('parse error', new Error(`parse error: ${packet.reason}`));
        case 'noop':
        case 'upgrade':
          return;
        default:
      }
      if (packet.nsp !== '/') return;
      switch (packet.kind) {
        case 'connect':
          if (connected || !opened) return;
          connected = true;
          return fire('connect');
        case 'disconnect':
          return end('io server disconnect');
        case 'error': {
          const refusal = new Error(
            typeof packet.data === 'string' ? packet.data : JSON.stringify(packet.data),
          );
          if (connected) return fire('error', refusal);
          // a refused handshake: the session is over; the library fetches a fresh token
          end('io server disconnect');
          return fire('error', refusal);
        }
        case 'ack': {
          const ack = acks.get(packet.id);
          acks.delete(packet.id);
          return ack?.(...packet.args);
        }
        case 'event': {
          if (!connected || RESERVED.has(packet.name)) return;
          const args: unknown[] = [...packet.args];
          const ackId = packet.id;
          if (ackId !== undefined) args.push((...answer: unknown[]) => send(encodeAck(ackId, answer)));
          return fire(packet.name, ...args);
        }
      }
    });
  };

  const socket: SocketLike = {
    get connected() {
      return connected;
    },
    get id() {
      return connected ? id : undefined;
    },
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return socket;
    },
    off(event: string, listener?: Listener) {
      const kept = listener === undefined ? [] : (listeners.get(event) ?? []).filter((l) => l !== listener);
      if (kept.length === 0) listeners.delete(event);
      else listeners.set(event, kept);
      return socket;
    },
    emit(event: string, ...args: unknown[]) {
      if (!connected) return socket;
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        const ackId = nextAck;
        nextAck += 1;
        acks.set(ackId, last as (...answer: unknown[]) => void);
        send(encodeEvent(event, args.slice(0, -1), ackId));
      } else send(encodeEvent(event, args));
      return socket;
    },
    connect() {
      if (ws === undefined) open();
      return socket;
    },
    disconnect() {
      end('io client disconnect');
      return socket;
    },
  };
  open(); // as socket.io's `io` does (autoConnect)
  return socket;
};

const describeClose = (error: Error | undefined) => error?.message ?? 'closed before the session opened';
