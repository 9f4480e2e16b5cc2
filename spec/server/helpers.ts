import type { Socket } from 'socket.io-client';
import { DEFAULT_API_KEY, type LocalServer } from '../../lib/server';

export const basic = (key: string): string => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

/** `POST {url}/jwt` with `key` as Basic auth user; `null` sends no Authorization header. */
export const postJwt = (url: string, key: string | null = DEFAULT_API_KEY): Promise<Response> =>
  fetch(`${url}/jwt`, { method: 'POST', headers: key === null ? {} : { Authorization: basic(key) } });

export const getToken = async (server: LocalServer, key: string = DEFAULT_API_KEY): Promise<string> => {
  const response = await postJwt(server.url, key);
  if (response.status !== 200) throw new Error(`POST /jwt answered ${response.status}`);
  const body = (await response.json()) as { token: string };
  return body.token;
};

export const decodeClaims = (token: string): Record<string, unknown> => {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
};

/** The first `event` on `socket` (its arguments), or a rejection after `timeout` ms. */
export const nextEvent = (socket: Socket, event: string, timeout = 2000): Promise<unknown[]> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no '${event}' within ${timeout} ms`));
    }, timeout);
    const listener = (...args: unknown[]) => {
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(args);
    };
    socket.on(event, listener);
  });

export const connected = async (socket: Socket): Promise<Socket> => {
  if (!socket.connected) await nextEvent(socket, 'connect');
  return socket;
};

/** The ack of `event`, `'no ack'` when none comes within `timeout` ms. */
export const ack = (socket: Socket, event: string, options: unknown, timeout = 1000): Promise<unknown> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve('no ack'), timeout);
    socket.emit(event, options, (error: unknown) => {
      clearTimeout(timer);
      resolve(error);
    });
  });

/** Collects `data` events until `count` arrived (or rejects after `timeout` ms). */
export const collect = (socket: Socket, count: number, timeout = 2000, event = 'data'): Promise<unknown[]> =>
  new Promise((resolve, reject) => {
    const seen: unknown[] = [];
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`only ${seen.length}/${count} '${event}' events within ${timeout} ms`));
    }, timeout);
    const listener = (payload: unknown) => {
      seen.push(payload);
      if (seen.length < count) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(seen);
    };
    socket.on(event, listener);
  });

/** A `data` event as the protocol defines it. */
export interface DataEvent {
  readonly params: Record<string, unknown>;
  readonly path: string;
  readonly results: Record<string, string | null>[];
  readonly timestamp: string;
}
