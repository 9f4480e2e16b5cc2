import { defaultSockets } from '../../lib/connection/default-sockets.browser';
import { defaultSocketFactory } from '../../lib/connection/default-socket-factory';

// What browsers resolve `#default-socket` to (package.json `imports`, every condition but `node`).
describe('the browser default socket', () => {
  it('is socket.io-client 4 alone, with no switch on a mismatch (the failure names the fix)', () => {
    for (const socketIo of ['auto', 4] as const) {
      const choice = defaultSockets(socketIo);
      expect(choice.open).toBe(defaultSocketFactory);
      expect(choice.mismatch).toBeUndefined();
    }
  });

  it('refuses `socketIo: 2`, which needs Node', () => {
    expect(() => defaultSockets(2)).toThrow(new TypeError('createClient: socketIo 2 needs Node'));
  });
});
