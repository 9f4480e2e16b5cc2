import { createAckPolicy } from './ack-policy';
import { startFront } from '../front/front';
import { createHistoricalRoute } from './historical-route';
import type { LocalServer } from './local-server';
import { resolveOptions, type ServerOptions } from './options';
import { createRecordGenerator } from './record-generator';
import { createServerLog, type ServerLogEntry } from './server-log';
import { createSyntheticSource } from './synthetic-source';
import { createTokenAuthority } from '../front/token-authority';
import { apiKeyIssuer, type TokenFaults } from './api-key-issuer';

/**
 * Starts a local Market Prophit-compatible server: `POST /jwt` issues HS256 tokens for the configured
 * API keys, and a socket.io 4 server (which also speaks to socket.io 2 clients) streams generated
 * `data` events for every real-time path of the catalogue.
 *
 * @example
 * const server = await startServer({ interval: 1000, seed: 42 });
 * const client = createClient({ url: server.url, apiKey: 'sk_test_marketprophit' });
 * // ...
 * await server.close();
 */
export const startServer = async (options?: ServerOptions): Promise<LocalServer> => {
  const resolved = resolveOptions(options);
  const log = createServerLog(resolved.logLimit);
  const authority = createTokenAuthority(resolved);
  const acks = createAckPolicy();
  const generator = createRecordGenerator(resolved.seed, resolved.tickers);
  const faults: TokenFaults = { remaining: 0, status: 503 };
  let synthetic: ReturnType<typeof createSyntheticSource> | undefined;
  const front = await startFront({
    port: resolved.port,
    host: resolved.host,
    authority,
    issue: apiKeyIssuer(authority, faults),
    historical: createHistoricalRoute({
      authority,
      seed: resolved.seed,
      tickers: resolved.tickers,
      clock: resolved.clock,
    }),
    limits: resolved.limits,
    // Fault injection and inspection: the local server's own hooks.
    hooks: {
      onEvent: (event) => log.add(event),
      // The synthetic source publishes generated records only.
      onSent: (event) => log.add(event as Omit<ServerLogEntry & { type: 'sent' }, 'at'>),
      ack: acks.ack,
    },
    // A development server: any page may use it (the relay's default is same-origin only).
    origins: '*',
    source: ({ publish }) =>
      (synthetic = createSyntheticSource({
        generator,
        tickers: resolved.tickers,
        interval: resolved.interval,
        publish,
      })),
  });
  const { io, registry } = front;
  const sockets = front.sockets;

  /** Disconnects the sockets whose token is no longer valid. */
  const disconnectInvalid = () => {
    for (const socket of sockets()) if (!authority.check(socket.data.token).ok) socket.disconnect(true);
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      synthetic?.dispose();
      acks.dispose();
      await front.close();
      log.complete();
    })();
    return closing;
  };

  return {
    url: front.url,
    port: front.port,
    seed: resolved.seed,
    secret: resolved.secret,
    close,
    dropAllSockets: () => sockets().forEach((socket) => socket.conn.close()),
    disconnectAll: () => sockets().forEach((socket) => socket.disconnect(true)),
    failTokenRequests(count, status = 503) {
      faults.remaining = count;
      faults.status = status;
    },
    setAckMode(mode) {
      acks.mode = mode;
    },
    injectRaw(payload, event = 'data') {
      const count = sockets().length;
      io.emit(event, payload);
      log.add({ type: 'injected', event, payload, sockets: count });
    },
    revokeTokens() {
      authority.invalidateAll('revoked');
      disconnectInvalid();
    },
    expireTokens() {
      authority.invalidateAll('expired');
      disconnectInvalid();
    },
    stats: () => ({
      sockets: io.of('/').sockets.size,
      tokenRequests: front.tokenRequests(),
      subscriptions: registry.size,
    }),
    subscriptions: () => registry.list(),
    log: log.entries,
    events$: log.events$,
  };
};
