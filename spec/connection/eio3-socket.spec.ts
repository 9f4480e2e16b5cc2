import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket as TcpSocket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { eio3Socket } from '../../lib/connection/eio3-socket';
import { isProtocolMismatch } from '../../lib/connection/protocol-mismatch';
import type { SocketLike } from '../../lib/connection/socket-like';
import { until } from '../support/wait';

const OPEN = '0{"sid":"s1","pingInterval":25000,"pingTimeout":5000}';

/** A raw WebSocket server that plays a socket.io 1.x/2.x server (or a hostile one) frame by frame. */
describe('eio3Socket against a hand-played server', () => {
  let http: HttpServer;
  let wss: WebSocketServer;
  let url: string;
  let onConnection: (ws: WebSocket, query: URLSearchParams) => void;
  const sockets: SocketLike[] = [];
  const received: string[] = [];

  beforeEach(async () => {
    received.length = 0;
    http = createServer((_, response) => response.writeHead(404).end());
    wss = new WebSocketServer({ server: http });
    wss.on('connection', (ws, request) => {
      ws.on('message', (data) => received.push(String(data)));
      onConnection(ws, new URL(request.url ?? '/', 'http://x').searchParams);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.disconnect());
    wss.clients.forEach((client) => client.terminate());
    await new Promise((resolve) => wss.close(resolve));
    await new Promise((resolve) => http.close(resolve));
  });

  const open = () => {
    const socket = eio3Socket(url, { query: { token: 'tok' }, reconnection: false });
    sockets.push(socket);
    const events: [string, ...unknown[]][] = [];
    for (const name of ['connect', 'disconnect', 'connect_error', 'error', 'data', 'ask']) {
      socket.on(name, (...args: never[]) => events.push([name, ...(args as unknown[])]));
    }
    return { socket, events };
  };

  it('connects with EIO=3 and the token, emits with acks, answers server acks, and pings', async () => {
    let query = new URLSearchParams();
    onConnection = (ws, params) => {
      query = params;
      ws.send('0{"sid":"s1","pingInterval":1000,"pingTimeout":5000}');
      ws.send('40');
      ws.send('40'); // a second connect changes nothing
      ws.send('42["data",{"n":1}]');
      ws.send('427["ask","q"]');
      ws.on('message', (data) => {
        const frame = String(data);
        if (frame.startsWith('420')) ws.send('430[null]');
        if (frame === '2') ws.send('3');
      });
    };
    const { socket, events } = open();
    await until('connect', () => socket.connected);
    expect(query.get('EIO')).toBe('3');
    expect(query.get('transport')).toBe('websocket');
    expect(query.get('token')).toBe('tok');
    expect(socket.id).toBe('s1');

    const acked: unknown[] = [];
    socket.emit('subscribe', { path: '/p' }, (error: unknown) => acked.push(error));
    await until('the ack', () => acked.length === 1);
    expect(acked).toEqual([null]);
    await until('the data and the server ask', () => events.some(([name]) => name === 'ask'));
    expect(events.filter(([name]) => name === 'connect')).toHaveLength(1);
    expect(events).toContainEqual(['data', { n: 1 }]);
    const ask = events.find(([name]) => name === 'ask');
    (ask?.[2] as (answer: string) => void)('yes');
    await until('our answer to the ask', () => received.includes('437["yes"]'));
    await until('a ping after pingInterval', () => received.includes('2'), 3_000);
  });

  it('never lets the server fire the socket’s own events', async () => {
    onConnection = (ws) => {
      ws.send(OPEN);
      ws.send('40');
      ws.send('42["disconnect","forged"]');
      ws.send('42["connect"]');
      ws.send('42["data",1]');
    };
    const { socket, events } = open();
    await until('data', () => events.some(([name]) => name === 'data'));
    expect(socket.connected).toBe(true);
    expect(events.map(([name]) => name)).toEqual(['connect', 'data']);
  });

  it.each([
    ['a binary frame', (ws: WebSocket) => ws.send(Buffer.from([1, 2, 3]))],
    ['a frame it cannot read', (ws: WebSocket) => ws.send('42{"not":"an event"}')],
  ])('%s ends the connection with `parse error`', async (_, hostile) => {
    onConnection = (ws) => {
      ws.send(OPEN);
      ws.send('40');
      setTimeout(() => hostile(ws), 20);
    };
    const { socket, events } = open();
    await until('disconnect', () => events.some(([name]) => name === 'disconnect'));
    expect(events).toContainEqual(['disconnect', 'parse error']);
    expect(socket.connected).toBe(false);
  });

  it('a frame over the bound closes the connection', async () => {
    onConnection = (ws) => {
      ws.send(OPEN);
      ws.send('40');
      setTimeout(() => ws.send(`42["data","${'x'.repeat(17 * 1024 * 1024)}"]`), 20);
    };
    const { events } = open();
    await until('disconnect', () => events.some(([name]) => name === 'disconnect'), 8_000);
    expect(events.some(([name]) => name === 'data')).toBe(false);
  });

  it('a refused handshake (`44`) is an `error` before any connect, and the session ends', async () => {
    onConnection = (ws) => {
      ws.send(OPEN);
      ws.send('44"Not authorized"');
    };
    const { socket, events } = open();
    await until('error', () => events.some(([name]) => name === 'error'));
    expect(String(events.find(([name]) => name === 'error')?.[1])).toContain('Not authorized');
    expect(socket.connected).toBe(false);
    expect(events.some(([name]) => name === 'connect')).toBe(false);
  });

  it('the server hanging up (`41`) is `io server disconnect`; connect() opens a new session', async () => {
    let sessions = 0;
    onConnection = (ws) => {
      sessions += 1;
      ws.send(OPEN);
      ws.send('40');
      if (sessions === 1) setTimeout(() => ws.send('41'), 20);
    };
    const { socket, events } = open();
    await until('disconnect', () => events.some(([name]) => name === 'disconnect'));
    expect(events).toContainEqual(['disconnect', 'io server disconnect']);
    socket.connect();
    await until('a second connect', () => socket.connected && sessions === 2);
  });

  it('an upgrade that never opens an Engine.IO 3 session is a protocol mismatch', async () => {
    onConnection = (ws) => ws.close();
    const { events } = open();
    await until('connect_error', () => events.some(([name]) => name === 'connect_error'));
    const error = events.find(([name]) => name === 'connect_error')?.[1];
    expect(isProtocolMismatch(error)).toBe(true);
    expect(String(error)).toContain('it speaks socket.io 3.x/4.x');
  });

  it('an HTTP refusal naming the protocol version is a protocol mismatch; another is a connect error', async () => {
    onConnection = () => undefined;
    http.removeAllListeners('upgrade');
    let answer = 'Unsupported protocol version';
    http.on('upgrade', (_request, tcp: TcpSocket) => {
      tcp.end(`HTTP/1.1 400 Bad Request\r\nContent-Length: ${answer.length}\r\n\r\n${answer}`);
    });
    const first = open();
    await until('connect_error', () => first.events.some(([name]) => name === 'connect_error'));
    expect(isProtocolMismatch(first.events.find(([name]) => name === 'connect_error')?.[1])).toBe(true);

    answer = 'Bad request';
    const second = open();
    await until('connect_error', () => second.events.some(([name]) => name === 'connect_error'));
    const error = second.events.find(([name]) => name === 'connect_error')?.[1];
    expect(isProtocolMismatch(error)).toBe(false);
    expect(String(error)).toContain('HTTP 400');
  });
});
