import { type Server as HttpServer, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Subscription, firstValueFrom, take, timeout, toArray } from 'rxjs';
import { Server } from 'socket.io';
import { createClient, type MarketProphitClient } from '../../lib/client/create-client';
import type { SocketIoVersion } from '../../lib/connection/socket-choice';
import type { ConnectionProblem } from '../../lib/lifecycle/client-state';
import { type LegacyServer, startLegacyServer } from './legacy-server';
import { delay, until } from '../support/wait';

const VOLUME = '/real-time/tweet-volume';
const AAPL = { ticker: 'AAPL' } as const;
const OPTIONS = { path: VOLUME, params: AAPL };

describe.each([1, 2] as const)(
  'the default Node client (no `socket`) against socket.io %i.x',
  (generation) => {
    let server: LegacyServer;
    let subscriptions: Subscription[];
    let fetched: string[];
    let problems: ConnectionProblem[];

    /** The default socket; tokens are `token-1`, `token-2`, … in fetch order. */
    const client = (socketIo?: SocketIoVersion): MarketProphitClient => {
      const created = createClient({
        url: server.url,
        token: () => {
          const token = `token-${fetched.length + 1}`;
          fetched.push(token);
          return token;
        },
        retryWait: () => 50,
        linger: 20,
        ...(socketIo === undefined ? {} : { socketIo }),
      });
      subscriptions.push(created.problems$.subscribe((problem) => problems.push(problem)));
      return created;
    };
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
    const resumes = async (seen: { events: number; error: unknown }) => {
      const before = seen.events;
      await until('data to resume', () => seen.events >= before + 3, 5_000);
      expect(seen.error).toBeUndefined();
    };
    /**
     * The Engine.IO protocol of each try the server saw. socket.io 1.x/2.x run the handshake middleware
     * twice for socket.io-client 4's one try (for the connection, then for its CONNECT packet): counted once.
     */
    const eios = () =>
      server.handshakes
        .map(({ eio }) => eio)
        .filter((eio, index, all) => eio === '3' || all[index - 1] !== '4');

    beforeEach(async () => {
      server = await startLegacyServer({ generation });
      server.valid.add('token-1');
      subscriptions = [];
      fetched = [];
      problems = [];
    });
    afterEach(async () => {
      subscriptions.forEach((subscription) => subscription.unsubscribe());
      await delay(50); // past `linger`, so clients close their sockets before the server goes
      await server.close();
    });

    it('detects Engine.IO 3, says so once on problems$ (information), and decodes the data', async () => {
      const states: string[] = [];
      const source = client();
      subscriptions.push(source.state$.subscribe((state) => states.push(state)));
      const events = await firstValueFrom(
        source.subscribe$(VOLUME, AAPL).pipe(take(2), toArray(), timeout(5_000)),
      );

      expect(events[0]?.results).toEqual([expect.objectContaining({ ticker: 'AAPL', volume: 12 })]);
      expect(server.subscribes.map(({ options }) => options)).toEqual([OPTIONS]);
      // socket.io-client 4 tried first, refused; then the Engine.IO 3 client, with the same token
      expect(eios()).toEqual(['4', '3']);
      expect(fetched).toEqual(['token-1']);
      expect(problems).toEqual([
        expect.objectContaining({
          kind: 'protocol',
          message: `${server.url} speaks socket.io 1.x/2.x (Engine.IO 3); using the Engine.IO 3 client`,
          attempt: 0,
          retryIn: 0,
        }),
      ]);
      expect(problems[0]?.error).toBeUndefined();
      expect(states).not.toContain('failed');
      expect(states).not.toContain('reconnecting');
    });

    it('remembers the answer per URL: a second client goes straight to Engine.IO 3 and says nothing', async () => {
      server.valid.add('token-2');
      await firstValueFrom(client().subscribe$(VOLUME, AAPL).pipe(timeout(5_000)));
      expect(problems).toHaveLength(1);
      problems = [];
      const before = eios().length;

      await firstValueFrom(client().subscribe$(VOLUME, AAPL).pipe(timeout(5_000)));
      expect(eios().slice(before)).toEqual(['3']);
      expect(problems).toEqual([]);
    });

    it('`socketIo: 2` speaks Engine.IO 3 from the first handshake, silently', async () => {
      await firstValueFrom(client(2).subscribe$(VOLUME, AAPL).pipe(timeout(5_000)));
      expect(eios()).toEqual(['3']);
      expect(problems).toEqual([]);
    });

    it('`socketIo: 4` fails fast with a typed protocol_mismatch naming the override, never retried', async () => {
      const started = Date.now();
      const seen = record(client(4));
      await until('the error', () => seen.error !== undefined, 5_000);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(seen.error).toMatchObject({ name: 'ConnectionError', code: 'protocol_mismatch' });
      expect((seen.error as Error).message).toContain(
        `${server.url} speaks socket.io 1.x/2.x (Engine.IO 3), but \`socketIo\` is 4: use 'auto' (the default) or 2`,
      );
      await delay(300); // the client's retryWait is 50 ms: a retry would show by now
      expect(eios()).toEqual(['4']);
    });

    it('a refused token is replaced at once by a fresh one, and data flows', async () => {
      server.valid.clear();
      server.valid.add('token-2');
      const seen = record(client(2));

      await until('data', () => seen.events > 0, 5_000);
      const [refused, accepted] = server.handshakes;
      expect(refused).toMatchObject({ token: 'token-1', accepted: false });
      expect(accepted).toMatchObject({ token: 'token-2', accepted: true });
      expect((accepted?.at ?? Infinity) - (refused?.at ?? 0)).toBeLessThan(500);
      expect(fetched).toEqual(['token-1', 'token-2']);
      expect(seen.error).toBeUndefined();
    });

    it('a refused token under detection: a fresh token, then the switch, and data flows', async () => {
      server.valid.clear();
      server.valid.add('token-2');
      const seen = record(client());

      await until('data', () => seen.events > 0, 5_000);
      expect(fetched).toEqual(['token-1', 'token-2']);
      expect(server.handshakes.filter(({ accepted }) => accepted).map(({ token }) => token)).toContain(
        'token-2',
      );
      expect(problems.filter(({ attempt }) => attempt === 0)).toHaveLength(1);
      expect(seen.error).toBeUndefined();
    });

    it('after the server kicks the socket (`disconnect(true)`): reconnects and re-subscribes', async () => {
      const seen = record(client());
      await until('data', () => seen.events > 0, 5_000);

      server.hangUp();
      await until('a second subscribe', () => server.subscribes.length >= 2, 5_000);
      await resumes(seen);
      const [before, after] = server.subscribes;
      expect(after?.socket).not.toBe(before?.socket);
      expect(after?.options).toEqual(OPTIONS);
      expect(eios()).toEqual(['4', '3', '3']);
      expect(fetched).toEqual(['token-1']);
    });

    it('after a lost transport: reconnects on the backoff and re-subscribes', async () => {
      const seen = record(client());
      await until('data', () => seen.events > 0, 5_000);

      server.dropTransports();
      await until('a second subscribe', () => server.subscribes.length >= 2, 5_000);
      await resumes(seen);
      expect(server.connected()).toBe(1);
    });

    it('after a server restart on the same port: reconnects and re-subscribes, with Engine.IO 3 only', async () => {
      const seen = record(client());
      await until('data', () => seen.events > 0, 5_000);
      const { port } = new URL(server.url);

      await server.close();
      server = await startLegacyServer({ generation, port: Number(port) });
      server.valid.add('token-1');
      await until('a subscribe on the new server', () => server.subscribes.length >= 1, 8_000);
      await resumes(seen);
      expect(eios().every((eio) => eio === '3')).toBe(true);
    });
  },
);

describe('the default Node client against socket.io 4 (Engine.IO 3 not allowed)', () => {
  let http: HttpServer;
  let io: Server;
  let url: string;
  const handshakes: string[] = [];

  beforeAll(async () => {
    http = createServer();
    io = new Server(http);
    io.use((socket, next) => {
      handshakes.push(String(socket.handshake.query['EIO']));
      next();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => io.close(resolve));
  });

  it('`socketIo: 2` fails fast with a typed protocol_mismatch naming the override', async () => {
    const client = createClient({ url, token: () => 'token', socketIo: 2, linger: 0, retryWait: () => 50 });
    const started = Date.now();
    const error = await firstValueFrom(client.subscribe$(VOLUME, AAPL).pipe(timeout(5_000))).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error).toMatchObject({ name: 'ConnectionError', code: 'protocol_mismatch' });
    expect((error as Error).message).toContain(
      `${url} speaks socket.io 3.x/4.x, but \`socketIo\` is 2: use 'auto' (the default) or 4`,
    );
    expect(handshakes).toEqual([]); // Engine.IO 3 is refused before any middleware
  });

  it('`auto` connects with socket.io-client 4 and says nothing', async () => {
    const client = createClient({ url, token: () => 'token', linger: 0 });
    const problems: ConnectionProblem[] = [];
    const watching = client.problems$.subscribe((problem) => problems.push(problem));
    const socket = await firstValueFrom(client.connection$.pipe(timeout(5_000)));
    expect(socket.connected).toBe(true);
    expect(handshakes).toEqual(['4']);
    expect(problems).toEqual([]);
    watching.unsubscribe();
  });
});
