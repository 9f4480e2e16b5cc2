/**
 * One text frame of an Engine.IO 3 websocket, read: the engine packet and, inside a `message`, the
 * socket.io (protocol 4, as socket.io 1.x/2.x speak it) packet. Binary frames and binary socket.io
 * packets are not part of the Market Prophit protocol and read as `invalid`.
 */
export type Eio3Packet =
  | {
      readonly kind: 'open';
      readonly sid: string;
      readonly pingInterval: number;
      readonly pingTimeout: number;
    }
  | { readonly kind: 'close' | 'ping' | 'pong' | 'noop' | 'upgrade' }
  | { readonly kind: 'connect' | 'disconnect'; readonly nsp: string }
  | {
      readonly kind: 'event';
      readonly nsp: string;
      readonly id?: number;
      readonly name: string;
      readonly args: readonly unknown[];
    }
  | { readonly kind: 'ack'; readonly nsp: string; readonly id: number; readonly args: readonly unknown[] }
  | { readonly kind: 'error'; readonly nsp: string; readonly data: unknown }
  | { readonly kind: 'invalid'; readonly reason: string };

const ENGINE_KINDS = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'] as const;
/** An ack id has at most this many digits (socket.io counts from 0; 15 digits stay a safe integer). */
const MAX_ID_DIGITS = 15;
/** A namespace name is at most this long. */
const MAX_NSP_LENGTH = 256;

const invalid = (reason: string): Eio3Packet => ({ kind: 'invalid', reason });

const parseJson = (text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
};

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The socket.io packet in an engine `message` (`text` without the engine's leading `4`). One pass. */
const parseSocketIo = (text: string): Eio3Packet => {
  const type = text.charCodeAt(0) - 48;
  let at = 1;
  let nsp = '/';
  if (text[at] === '/') {
    const comma = text.indexOf(',', at);
    const end = comma === -1 ? text.length : comma;
    if (end - at > MAX_NSP_LENGTH) return invalid('namespace too long');
    nsp = text.slice(at, end);
    at = comma === -1 ? end : end + 1;
  }
  const idStart = at;
  while (at < text.length && isDigit(text.charCodeAt(at))) at += 1;
  if (at - idStart > MAX_ID_DIGITS) return invalid('ack id too long');
  const id = at > idStart ? Number(text.slice(idStart, at)) : undefined;
  const body = text.slice(at);
  const data = body === '' ? undefined : parseJson(body);
  if (data?.ok === false) return invalid('payload is not JSON');
  const value = data?.value;

  switch (type) {
    case 0:
      return { kind: 'connect', nsp };
    case 1:
      return { kind: 'disconnect', nsp };
    case 2: {
      if (!Array.isArray(value) || typeof value[0] !== 'string') return invalid('event without a name');
      const [name, ...args] = value as [string, ...unknown[]];
      return id === undefined ? { kind: 'event', nsp, name, args } : { kind: 'event', nsp, id, name, args };
    }
    case 3:
      if (id === undefined || !Array.isArray(value)) return invalid('ack without an id or arguments');
      return { kind: 'ack', nsp, id, args: value as unknown[] };
    case 4:
      return { kind: 'error', nsp, data: value };
    case 5:
    case 6:
      return invalid('binary packets are not supported');
    default:
      return invalid('unknown socket.io packet type');
  }
};

/** The open packet's JSON: a session id and the heartbeat, validated. */
const parseOpen = (body: string): Eio3Packet => {
  const parsed = parseJson(body);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
    return invalid('open packet is not a JSON object');
  }
  const { sid, pingInterval, pingTimeout } = parsed.value as Record<string, unknown>;
  if (typeof sid !== 'string' || typeof pingInterval !== 'number' || typeof pingTimeout !== 'number') {
    return invalid('open packet without sid, pingInterval and pingTimeout');
  }
  if (!(pingInterval > 0) || !(pingTimeout > 0)) return invalid('open packet with a bad heartbeat');
  return { kind: 'open', sid, pingInterval, pingTimeout };
};

/** Reads one text frame: linear in its length; never throws. */
export const parseEio3Frame = (frame: string): Eio3Packet => {
  const kind = ENGINE_KINDS[frame.charCodeAt(0) - 48];
  switch (kind) {
    case undefined:
      return invalid('unknown engine packet type');
    case 'open':
      return parseOpen(frame.slice(1));
    case 'message':
      return frame.length < 2 ? invalid('empty message') : parseSocketIo(frame.slice(1));
    default:
      return { kind };
  }
};

/** `42["name",...args]` (with `id`, `42<id>[…]`): an event for the default namespace. */
export const encodeEvent = (name: string, args: readonly unknown[], id?: number): string =>
  `42${id ?? ''}${JSON.stringify([name, ...args])}`;

/** `43<id>[…args]`: our answer to an event the server sent with an ack id. */
export const encodeAck = (id: number, args: readonly unknown[]): string => `43${id}${JSON.stringify(args)}`;

/** Engine packets the client sends with no payload. */
export const PING = '2';
export const DISCONNECT = '41';
