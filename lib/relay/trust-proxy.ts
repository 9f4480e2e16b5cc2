import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import {
  FORWARDING_HEADERS,
  type ForwardingHeader,
  forwardedHops,
  nodeAddress,
  proxyHeaderOf,
} from '../util/forwarded-header';

/**
 * Which proxy hops in front of the relay to trust, as Express's `trust proxy` does: the hop nearest the
 * relay (the socket's peer) first, then each hop the forwarding header names, right to left. The first
 * hop not trusted is the caller.
 *
 * - a number `n`: the `n` nearest hops are proxies (`1`: one reverse proxy or ingress in front);
 * - a list of addresses, CIDR blocks (`10.0.0.0/8`, `fd00::/8`) and `'loopback'`: hops at those
 *   addresses are proxies;
 * - `{ hops, header }`: either of those, read from another header than `X-Forwarded-For`.
 */
export type TrustProxy =
  | number
  | readonly string[]
  | {
      readonly hops: number | readonly string[];
      /**
       * The header your proxy writes (and overwrites or appends to: never passes on from the caller).
       * @default 'x-forwarded-for'
       */
      readonly header?: ForwardingHeader;
    };

/** Who sent a request, as far as the relay can tell. */
export type CallerAddress =
  | { readonly ok: true; readonly address: string | undefined }
  | { readonly ok: false; readonly message: string };

/** The socket's peer address, without an IPv4-mapped IPv6 prefix; `undefined` when unknown. */
const peerAddress = (request: IncomingMessage): string | undefined =>
  nodeAddress(request.socket.remoteAddress ?? '');

const LOOPBACK: readonly string[] = ['127.0.0.0/8', '::1/128'];

/** A {@link BlockList} of `entries` (addresses, CIDR blocks, `'loopback'`); throws on anything else. */
const blockListOf = (entries: readonly string[]): BlockList => {
  const list = new BlockList();
  for (const entry of entries.flatMap((entry) => (entry === 'loopback' ? LOOPBACK : [entry]))) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (
      family === 0 ||
      rest.length > 0 ||
      !Number.isInteger(bits) ||
      bits < 0 ||
      bits > (family === 6 ? 128 : 32)
    )
      throw new RangeError(
        `startRelay: trustProxy entries must be addresses, CIDR blocks or 'loopback', got '${entry}'`,
      );
    list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
};

const inList = (list: BlockList, address: string | undefined): boolean =>
  address !== undefined && list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

const loopback = blockListOf(['loopback']);

/** Whether `address` is a loopback one (127.0.0.0/8, ::1). */
export const isLoopbackAddress = (address: string | undefined): boolean => inList(loopback, address);

/**
 * How the relay reads a request's caller: with no `trustProxy`, the socket's peer (and a request that
 * carries any forwarding header cannot be placed: `ok: false`, with the message the refusal shows);
 * with it, the first hop not trusted. Throws a `RangeError` on a malformed `trustProxy`.
 */
export const createCallerAddress = (
  trustProxy: TrustProxy | undefined,
): ((request: IncomingMessage) => CallerAddress) => {
  if (trustProxy === undefined) {
    return (request) => {
      const header = proxyHeaderOf(request.headers);
      if (header === undefined) return { ok: true, address: peerAddress(request) };
      return {
        ok: false,
        message:
          `This request came through a proxy (it carries ${header.slice(0, 40)}), so its caller is ` +
          'unknown: set trustProxy (startRelay) or --trust-proxy (CLI) to the proxy hops to trust, ' +
          "e.g. 1 or ['loopback'], or give your own authorize",
      };
    };
  }
  const { hops, header = 'x-forwarded-for' } =
    typeof trustProxy === 'number' || Array.isArray(trustProxy)
      ? { hops: trustProxy as number | readonly string[] }
      : (trustProxy as Exclude<TrustProxy, number | readonly string[]>);
  if (!FORWARDING_HEADERS.includes(header))
    throw new RangeError(`startRelay: trustProxy.header must be one of ${FORWARDING_HEADERS.join(', ')}`);
  let trusted: (address: string | undefined, hop: number) => boolean;
  if (typeof hops === 'number') {
    if (!Number.isSafeInteger(hops) || hops < 0)
      throw new RangeError(`startRelay: trustProxy must be a number of hops >= 0, got ${hops}`);
    trusted = (_, hop) => hop < hops;
  } else {
    const list = blockListOf(hops);
    trusted = (address) => inList(list, address);
  }
  return (request) => {
    const peer = peerAddress(request);
    if (!trusted(peer, 0)) return { ok: true, address: peer };
    const listed = forwardedHops(request.headers, header);
    if (listed === undefined) return { ok: true, address: undefined };
    if (listed.length === 0) {
      // A trusted proxy that wrote another header than the one configured: the caller is not the proxy.
      const other = FORWARDING_HEADERS.find((name) => name !== header && request.headers[name] !== undefined);
      if (other !== undefined) {
        return {
          ok: false,
          message: `This request came through a proxy that sets ${other}, but trustProxy reads ${header}: set trustProxy's header`,
        };
      }
      return { ok: true, address: peer };
    }
    for (let hop = 1; hop <= listed.length; hop += 1) {
      const address = listed[listed.length - hop];
      if (!trusted(address, hop) || hop === listed.length) return { ok: true, address };
    }
    return { ok: true, address: undefined };
  };
};
