import { queueScheduler } from 'rxjs';
import { createFakeServer } from '../../lib/testing/fake-server';

/** A connected fake socket: the queue scheduler runs the 0 ms handshake at once. */
const openSocket = () => {
  const server = createFakeServer({ scheduler: queueScheduler });
  const socket = server.socket('http://fake', { query: { token: 't1' }, reconnection: false });
  expect(socket.connected).toBe(true);
  return { server, socket };
};

describe('FakeSocket listeners, as socket.io-client 4 keeps them', () => {
  it('calls a listener added twice twice, and off() removes one of the two', () => {
    const { server, socket } = openSocket();
    const calls: unknown[] = [];
    const listener = (value: unknown) => calls.push(value);
    socket.on('data', listener);
    socket.on('data', listener);
    server.sendRaw('a');
    socket.off('data', listener);
    server.sendRaw('b');
    socket.off('data', listener);
    server.sendRaw('c');
    expect(calls).toEqual(['a', 'a', 'b']);
  });

  it('lets a listener remove another during a delivery without skipping or repeating anyone', () => {
    const { server, socket } = openSocket();
    const calls: string[] = [];
    const second = () => calls.push('second');
    socket.on('data', () => {
      calls.push('first');
      socket.off('data', second);
    });
    socket.on('data', second);
    server.sendRaw(1);
    server.sendRaw(2);
    expect(calls).toEqual(['first', 'second', 'first']);
  });

  it('off(event) without a listener removes every listener of that event', () => {
    const { server, socket } = openSocket();
    const calls: unknown[] = [];
    socket.on('data', (value: unknown) => calls.push(value));
    socket.on('data', (value: unknown) => calls.push(value));
    socket.off('data');
    server.sendRaw('x');
    expect(calls).toEqual([]);
  });
});
