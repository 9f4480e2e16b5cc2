import { Observable, catchError, map, of } from 'rxjs';
import type { TokenError } from '../../lib/errors/token-error';
import type { TestScheduler } from 'rxjs/testing';
import { createClient } from '../../lib/client/create-client';
import { createFakeServer, type FakeServer } from '../../lib/testing/fake-server';
import { createTestScheduler } from '../support/marbles';

const VOLUME = '/real-time/tweet-volume';
const AAPL = { ticker: 'AAPL' };
const record = [{ ts: '2014-08-12T20:40:00.000Z', ticker: 'AAPL', volume: '3' }];
const STATES = {
  i: 'idle',
  a: 'authenticating',
  c: 'connecting',
  o: 'connected',
  r: 'reconnecting',
  f: 'failed',
} as const;

describe('client.close()', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  /** What the fake server saw, as `"<frame> <event>"`. */
  const watch = (server: FakeServer): string[] => {
    const log: string[] = [];
    server.events$.subscribe((event) =>
      log.push(`${testScheduler.now()} ${event.type}${'reason' in event ? ` ${event.reason}` : ''}`),
    );
    return log;
  };

  it('completes every stream, closes the socket at once, and nothing reconnects afterwards', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const server = createFakeServer({ reconnectDelay: 10 });
      const client = createClient({ token: () => 't1', socket: server.socket, linger: 1_000 });
      const log = watch(server);
      hot('-a 8ms c 9ms d').subscribe((what) => {
        if (what === 'a') server.publishEncoded(VOLUME, AAPL, record);
        else if (what === 'c') client.close();
        else server.dropAll(); // would make an open socket reconnect after 10 ms
      });

      expectObservable(client.subscribe$(VOLUME, AAPL).pipe(map(() => 'v'))).toBe('-v 8ms |');
      expectObservable(client.token$).toBe('t 9ms |', { t: 't1' });
      expectObservable(client.connection$.pipe(map(() => 's'))).toBe('s 9ms |');
      expectObservable(client.state$).toBe('(iaco) 4ms (i|)', STATES);
      expectObservable(client.problems$).toBe('10ms |');
      expectObservable(client.unroutable$).toBe('10ms |');
      testScheduler.flush();

      expect(log).toEqual([
        '0 connect',
        '0 subscribe',
        '10 unsubscribe',
        '10 disconnect io client disconnect',
      ]);
      expect(server.sockets).toHaveLength(1);
    });
  });

  it('closes a lingering socket now, not when the linger ends', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const server = createFakeServer();
      const client = createClient({ token: () => 't1', socket: server.socket, linger: 1_000 });
      const log = watch(server);
      hot('20ms c').subscribe(() => client.close());

      expectObservable(client.subscribe$(VOLUME, AAPL), '^ 9ms !').toBe('');
      expectObservable(client.state$).toBe('(iaco) 14ms (i|)', STATES);
      testScheduler.flush();

      expect(log).toEqual([
        '0 connect',
        '0 subscribe',
        '10 unsubscribe',
        '20 disconnect io client disconnect',
      ]);
    });
  });

  it('aborts a token request under way, and no timer of the client runs after', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const server = createFakeServer();
      const signals: AbortSignal[] = [];
      let tokenUnsubscribedAt: number | undefined;
      const client = createClient({
        // a token that never comes: the request is pending (with its 10 s timeout) when the client closes
        token: ({ signal }) => {
          signals.push(signal);
          return new Observable<string>(() => () => {
            tokenUnsubscribedAt = testScheduler.now();
          });
        },
        socket: server.socket,
      });
      hot('5ms c').subscribe(() => client.close());

      expectObservable(client.subscribe$(VOLUME, AAPL)).toBe('5ms |');
      expectObservable(client.status$).toBe('(ia) 1ms (i|)', {
        i: { state: 'idle' },
        a: { state: 'authenticating' },
      });
      testScheduler.flush();

      // flush() ran every action the client scheduled: had its token timeout still been scheduled, it
      // would have run at 10 s and asked for another token.
      expect(signals).toHaveLength(1);
      expect(signals[0]?.aborted).toBe(true);
      expect(tokenUnsubscribedAt).toBe(5);
      expect(server.sockets).toHaveLength(0);
      expect(testScheduler.now()).toBe(5);
    });
  });

  it('cancels a reconnect that was waiting for its backoff', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const server = createFakeServer();
      const client = createClient({
        token: () => 't1',
        socket: server.socket,
        retryWait: () => 100,
        linger: 0,
      });
      const log = watch(server);
      hot('10ms d 9ms c').subscribe((what) => (what === 'd' ? server.disconnectAll() : client.close()));

      expectObservable(client.subscribe$(VOLUME, AAPL)).toBe('20ms |');
      expectObservable(client.state$).toBe('(iaco) 4ms r 9ms (i|)', STATES);
      testScheduler.flush();

      // the retry was due at 110: flush() would have run it
      expect(log).toEqual(['0 connect', '0 subscribe', '10 disconnect io server disconnect']);
      expect(testScheduler.now()).toBe(20);
    });
  });

  it('is idempotent, and a stream subscribed after it completes at once without opening anything', () => {
    testScheduler.run(({ expectObservable }) => {
      const server = createFakeServer();
      const tokens: string[] = [];
      const client = createClient({
        token: () => {
          tokens.push('asked');
          return 't1';
        },
        socket: server.socket,
        fetch: () => new Promise<Response>(() => undefined),
      });
      client.close();
      client.close();

      expectObservable(client.subscribe$(VOLUME, AAPL)).toBe('|');
      expectObservable(client.history$('/historical/daily-tweet-volume', { ticker: 'AAPL' })).toBe('|');
      expectObservable(client.token$).toBe('|');
      expectObservable(client.connection$).toBe('|');
      expectObservable(client.state$).toBe('|');
      expectObservable(client.status$).toBe('|');
      expectObservable(client.problems$).toBe('|');
      expectObservable(client.unroutable$).toBe('|');
      testScheduler.flush();

      expect(tokens).toEqual([]);
      expect(server.sockets).toHaveLength(0);
    });
  });

  it('keeps a failure visible: the status ends on failed with its problem', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const server = createFakeServer({ authorize: () => 'bad token' });
      const client = createClient({ token: () => 't1', socket: server.socket, retryAttempts: 0 });
      hot('10ms c').subscribe(() => client.close());

      expectObservable(
        client.subscribe$(VOLUME, AAPL).pipe(catchError((error: TokenError) => of(error.code))),
      ).toBe('(r|)', { r: 'rejected' });
      expectObservable(client.state$).toBe('(iacf) 4ms |', STATES);
      expectObservable(client.status$.pipe(map((status) => status.problem?.message))).toBe('(uuup) 4ms |', {
        u: undefined,
        p: 'The server refused 1 tokens in a row: bad token',
      });
      testScheduler.flush();
    });
  });

  it('no reconnect, and no problem, when the server hangs up while nobody is subscribed', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const server = createFakeServer();
      const client = createClient({
        token: () => 't1',
        socket: server.socket,
        retryWait: () => 5,
        linger: 1_000,
      });
      const log = watch(server);
      hot('20ms d').subscribe(() => server.disconnectAll());

      expectObservable(client.subscribe$(VOLUME, AAPL), '^ 9ms !').toBe('');
      expectObservable(client.problems$, '^ 2000ms !').toBe('');
      expectObservable(client.state$, '^ 2000ms !').toBe('(iaco) 14ms i', STATES);
      testScheduler.flush();

      expect(log).toEqual([
        '0 connect',
        '0 subscribe',
        '10 unsubscribe',
        '20 disconnect io server disconnect',
      ]);
      expect(server.sockets).toHaveLength(1);
    });
  });
});
