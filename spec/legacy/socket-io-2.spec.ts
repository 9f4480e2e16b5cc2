import { type Subscription, firstValueFrom, take, timeout, toArray } from 'rxjs';
import { createClient, type MarketProphitClient } from '../../lib/client/create-client';
import { legacySocket } from './legacy-socket';
import { type LegacyServer, startLegacyServer } from './legacy-server';
import { delay, until } from '../support/wait';

const VOLUME = '/real-time/tweet-volume';
const AAPL = { ticker: 'AAPL' } as const;
const OPTIONS = { path: VOLUME, params: AAPL };

describe('against a socket.io 2 server, with socket.io-client 2 injected', () => {
  let server: LegacyServer;
  let subscriptions: Subscription[];
  let fetched: string[];

  /** Our client with v2's `io`; tokens are `token-1`, `token-2`, … in fetch order. */
  const client = (): MarketProphitClient =>
    createClient({
      url: server.url,
      token: () => {
        const token = `token-${fetched.length + 1}`;
        fetched.push(token);
        return token;
      },
      socket: legacySocket,
      retryWait: () => 50,
      linger: 20,
    });
  const record = (source: MarketProphitClient) => {
    const seen = { events: 0, error: undefined as unknown };
    subscriptions.push(
      source.subscribe$(VOLUME, AAPL).subscribe({
        next: () => (seen.events += 1),
        error: (error: unknown) => (seen.error = error),
      }),
    );
    return seen;
  };
  const handshakeTokens = () => server.handshakes.map(({ token }) => token);
  const resumes = async (seen: { events: number; error: unknown }) => {
    const before = seen.events;
    await until('data to resume', () => seen.events >= before + 3, 5_000);
    expect(seen.error).toBeUndefined();
  };

  beforeEach(async () => {
    server = await startLegacyServer();
    server.valid.add('token-1');
    subscriptions = [];
    fetched = [];
  });
  afterEach(async () => {
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    await delay(50); // past `linger`, so clients close their sockets before the server goes
    await server.close();
  });

  it('subscribes with the options and decodes the data: volume strings become numbers', async () => {
    const events = await firstValueFrom(
      client().subscribe$(VOLUME, AAPL).pipe(take(2), toArray(), timeout(3_000)),
    );

    expect(server.subscribes.map(({ options }) => options)).toEqual([OPTIONS]);
    expect(handshakeTokens()).toEqual(['token-1']);
    const [first] = events;
    expect(first).toMatchObject({ path: VOLUME, params: AAPL });
    expect(first?.timestamp).toBeInstanceOf(Date);
    expect(first?.results).toEqual([expect.objectContaining({ ticker: 'AAPL', volume: 12 })]);
  });

  it('sends `unsubscribe` with the same options when the last subscriber leaves, then closes', async () => {
    const seen = record(client());
    await until('data', () => seen.events > 0);

    subscriptions.splice(0).forEach((subscription) => subscription.unsubscribe());
    await until('unsubscribe', () => server.unsubscribes.length >= 1);
    expect(server.unsubscribes).toEqual([{ socket: server.subscribes[0]?.socket, options: OPTIONS }]);
    await until('the socket to close after `linger`', () => server.connected() === 0);
  });

  it('after the server disconnected the socket (`disconnect(true)`): reconnects and re-subscribes', async () => {
    const seen = record(client());
    await until('data', () => seen.events > 0);

    server.hangUp();
    await until('a second subscribe', () => server.subscribes.length >= 2);
    await resumes(seen);

    const [before, after] = server.subscribes;
    expect(after?.socket).not.toBe(before?.socket);
    expect(after?.options).toEqual(OPTIONS);
    expect(handshakeTokens()).toEqual(['token-1', 'token-1']);
    expect(fetched).toEqual(['token-1']);
  });

  it('after a lost transport: the client reconnects socket.io-client 2 on its backoff, and re-subscribes', async () => {
    const seen = record(client());
    await until('data', () => seen.events > 0);

    server.dropTransports();
    // the client's own reconnection (socket.io's is off): the harness's fast retry
    await until('a second subscribe', () => server.subscribes.length >= 2, 5_000);
    await resumes(seen);

    expect(server.subscribes.map(({ options }) => options)).toEqual([OPTIONS, OPTIONS]);
    expect(fetched).toEqual(['token-1']);
    expect(server.connected()).toBe(1);
  });

  it('a refused token (`error` event) is replaced at once by a fresh one, and data flows', async () => {
    server.valid.clear();
    server.valid.add('token-2');
    const seen = record(client());

    await until('a second token in use', () => server.handshakes.length >= 2);
    const [refused, accepted] = server.handshakes;
    expect(refused).toMatchObject({ token: 'token-1', accepted: false });
    expect(accepted).toMatchObject({ token: 'token-2', accepted: true });
    expect((accepted?.at ?? Infinity) - (refused?.at ?? 0)).toBeLessThan(500);
    await until('data', () => seen.events > 0);

    expect(fetched).toEqual(['token-1', 'token-2']);
    expect(handshakeTokens()).toEqual(['token-1', 'token-2']);
    expect(server.subscribes).toHaveLength(1);
    expect(seen.error).toBeUndefined();
  });

  // socket.io-client 2 also emits `error` for transport errors after the connection opened
  // (`Error('websocket error')` with `type: 'TransportError'`, while still `connected`): not a refusal.
  it('a transport error is not taken for a refused token: no new token is fetched', async () => {
    server.valid.add('token-2');
    const seen = record(client());
    await until('data', () => seen.events > 0);

    server.corruptTransports();
    await until('a second subscribe', () => server.subscribes.length >= 2, 5_000);
    await resumes(seen);

    expect(fetched).toEqual(['token-1']);
  });
});
