import { tcpPort } from '../../lib/util/tcp-port';

describe('tcpPort', () => {
  it.each([0, 1, 8080, 65_535])('takes %p', (port) => {
    expect(tcpPort('port', port)).toBe(port);
  });

  it.each([-1, 65_536, 80.5, Number.NaN, Infinity])('refuses %p, naming the option', (port) => {
    expect(() => tcpPort('startRelay: port', port)).toThrow(
      new RangeError(`startRelay: port must be a TCP port (0 for any free one), got ${port}`),
    );
  });
});
