import { encodeAck, encodeEvent, parseEio3Frame } from '../../lib/connection/eio3-packet';

describe('parseEio3Frame (Engine.IO 3 + socket.io protocol 4, text frames)', () => {
  it.each([
    [
      '0{"sid":"abc","pingInterval":25000,"pingTimeout":5000}',
      { kind: 'open', sid: 'abc', pingInterval: 25000, pingTimeout: 5000 },
    ],
    ['1', { kind: 'close' }],
    ['2', { kind: 'ping' }],
    ['3', { kind: 'pong' }],
    ['5', { kind: 'upgrade' }],
    ['6', { kind: 'noop' }],
    ['40', { kind: 'connect', nsp: '/' }],
    ['40/admin,', { kind: 'connect', nsp: '/admin' }],
    ['41', { kind: 'disconnect', nsp: '/' }],
    ['42["data",{"a":1}]', { kind: 'event', nsp: '/', name: 'data', args: [{ a: 1 }] }],
    ['4212["ask",1,2]', { kind: 'event', nsp: '/', id: 12, name: 'ask', args: [1, 2] }],
    ['430[null]', { kind: 'ack', nsp: '/', id: 0, args: [null] }],
    ['44"Not authorized"', { kind: 'error', nsp: '/', data: 'Not authorized' }],
  ])('%s', (frame, packet) => {
    expect(parseEio3Frame(frame)).toEqual(packet);
  });

  it.each([
    ['', 'unknown engine packet type'],
    ['9', 'unknown engine packet type'],
    ['0nope', 'open packet is not a JSON object'],
    ['0{"sid":1}', 'open packet without sid, pingInterval and pingTimeout'],
    ['0{"sid":"a","pingInterval":0,"pingTimeout":1}', 'open packet with a bad heartbeat'],
    ['4', 'empty message'],
    ['42[1]', 'event without a name'],
    ['42{"a":1}', 'event without a name'],
    ['42["data",', 'payload is not JSON'],
    ['43[null]', 'ack without an id or arguments'],
    ['43"x"', 'ack without an id or arguments'],
    ['451-["data",{"_placeholder":true,"num":0}]', 'payload is not JSON'],
    ['46', 'binary packets are not supported'],
    ['47', 'unknown socket.io packet type'],
    [`42${'9'.repeat(16)}["data"]`, 'ack id too long'],
    [`40/${'a'.repeat(300)},`, 'namespace too long'],
  ])('%j is invalid: %s', (frame, reason) => {
    expect(parseEio3Frame(frame)).toEqual({ kind: 'invalid', reason });
  });

  it('reads a deeply nested payload without recursion, and a long one in linear time', () => {
    const depth = 100_000;
    const deep = parseEio3Frame(`42["data",${'['.repeat(depth)}${']'.repeat(depth)}]`);
    expect(deep).toMatchObject({ kind: 'event', name: 'data' });
    const long = parseEio3Frame(`42["data","${'x'.repeat(5_000_000)}"]`);
    expect(long).toMatchObject({ kind: 'event', name: 'data' });
  });

  it('encodes events and acks the way socket.io 1.x/2.x read them', () => {
    expect(encodeEvent('subscribe', [{ path: '/p' }], 3)).toBe('423["subscribe",{"path":"/p"}]');
    expect(encodeEvent('hello', [])).toBe('42["hello"]');
    expect(encodeAck(7, [null])).toBe('437[null]');
    expect(parseEio3Frame(encodeEvent('x', [1], 5))).toEqual({
      kind: 'event',
      nsp: '/',
      id: 5,
      name: 'x',
      args: [1],
    });
  });
});
