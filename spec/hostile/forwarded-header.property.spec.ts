import fc from 'fast-check';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { openHostWarning } from '../../lib/relay/access-control';
import { createCallerAddress, isLoopbackAddress, type TrustProxy } from '../../lib/relay/trust-proxy';
import {
  FORWARDING_HEADERS,
  forwardedHops,
  MAX_FORWARDED_HOPS,
  nodeAddress,
} from '../../lib/util/forwarded-header';

/** What the caller reader looks at of a request: its headers and its socket's peer. */
const request = (headers: Record<string, string>, remoteAddress = '127.0.0.1'): IncomingMessage =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

/** Text a hostile caller may put in a header: separators, quotes, brackets, colons, digits, anything. */
const headerText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...',;="[]:. _-0123456789abcdefFORfor'.split('')), maxLength: 400 }),
  fc.string({ maxLength: 400 }),
  fc
    .array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 })), { maxLength: 40 })
    .map((hops) => hops.join(', ')),
);

/** A caller's address: outside every range the specs trust as proxies (loopback, 10.0.0.0/8). */
const publicIpV4 = fc.ipV4().filter((address) => !isLoopbackAddress(address) && !address.startsWith('10.'));

describe('forwarding headers, as hostile input', () => {
  it('reads the node forms proxies write, and nothing else as an address', () => {
    expect(nodeAddress('192.0.2.60')).toBe('192.0.2.60');
    expect(nodeAddress(' 192.0.2.60:4711 ')).toBe('192.0.2.60');
    expect(nodeAddress('"[2001:DB8:cafe::17]:4711"')).toBe('2001:db8:cafe::17');
    expect(nodeAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(nodeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    for (const garbage of ['unknown', '_hidden', '', '[::1', '[::1]x', '"', '999.1.1.1', 'example.com:80'])
      expect([garbage, nodeAddress(garbage)]).toEqual([garbage, undefined]);
    expect(
      forwardedHops(
        { forwarded: 'for=192.0.2.43;proto=https, For="[2001:db8::1]";by=x, for=unknown' },
        'forwarded',
      ),
    ).toEqual(['192.0.2.43', '2001:db8::1', undefined]);
    expect(forwardedHops({ 'x-real-ip': '192.0.2.1, 192.0.2.2' }, 'x-real-ip')).toEqual([undefined]);
    expect(
      forwardedHops(
        {
          'x-forwarded-for': Array(MAX_FORWARDED_HOPS + 1)
            .fill('::1')
            .join(','),
        },
        'x-forwarded-for',
      ),
    ).toBeUndefined();
  });

  it('parses any header into hops that are addresses or undefined, never throwing', () => {
    fc.assert(
      fc.property(headerText, fc.constantFrom(...FORWARDING_HEADERS), (text, header) => {
        const hops = forwardedHops({ [header]: text }, header);
        if (hops === undefined) return;
        expect(hops.length).toBeLessThanOrEqual(MAX_FORWARDED_HOPS);
        for (const hop of hops) if (hop !== undefined) expect(isIP(hop)).not.toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes linear time on the largest header the server accepts', () => {
    for (const unit of [',', '[', ':', '"', ';', 'for=', '[:', '1.']) {
      const text = unit.repeat(Math.floor(16_384 / unit.length));
      const started = performance.now();
      for (const header of FORWARDING_HEADERS) forwardedHops({ [header]: text }, header);
      expect([unit, performance.now() - started < 250]).toEqual([unit, true]);
    }
  });

  it('names the nearest hop the caller did not write, whatever the caller prepends', () => {
    const trusts: TrustProxy[] = [['loopback'], 1, ['127.0.0.0/8', '10.0.0.0/8']];
    fc.assert(
      fc.property(headerText, publicIpV4, fc.constantFrom(...trusts), (written, caller, trust) => {
        // The caller writes anything; the proxy on loopback appends the address it saw.
        const header = written === '' ? caller : `${written}, ${caller}`;
        const read = createCallerAddress(trust)(request({ 'x-forwarded-for': header }));
        if (written.split(',').length + 1 > MAX_FORWARDED_HOPS)
          expect(read).toEqual({ ok: true, address: undefined });
        else expect(read).toEqual({ ok: true, address: caller });
      }),
      { numRuns: 2000 },
    );
  });

  it('never reads an address from a request whose headers cannot be trusted', () => {
    fc.assert(
      fc.property(headerText, fc.constantFrom(...FORWARDING_HEADERS), publicIpV4, (text, header, peer) => {
        // No trustProxy: any forwarding header refuses. A peer that is not a trusted proxy is the caller.
        expect(createCallerAddress(undefined)(request({ [header]: text })).ok).toBe(false);
        expect(createCallerAddress(['loopback'])(request({ [header]: text }, peer))).toEqual({
          ok: true,
          address: peer,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('warns when the default authorize listens beyond loopback', () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.1', 'relay.example.com'])
      expect(openHostWarning(host, undefined)).toContain(`listens on ${host} with the default authorize`);
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost'])
      expect(openHostWarning(host, undefined)).toBeUndefined();
    expect(openHostWarning('0.0.0.0', () => true)).toBeUndefined();
  });
});
