import { map } from 'rxjs';
import type { RunHelpers, TestScheduler } from 'rxjs/testing';
import { createClient } from '../../lib/client/create-client';
import { TokenError } from '../../lib/errors/token-error';
import { createFakeServer } from '../../lib/testing/fake-server';
import { BOUNDED, FIVE_HOURS, createTestScheduler } from '../support/marbles';

const AAPL = { ticker: 'AAPL' };

/**
 * A client on a fake server that rotates its token every 100 ms (t1, t2, …, each issued at once): the
 * setup of the rotation specs, which differ only in how long acks take and how long topics linger.
 */
const rotating = (
  cold: RunHelpers['cold'],
  { ackDelay, linger }: { readonly ackDelay: number; readonly linger: number },
) => {
  let issued = 0;
  const server = createFakeServer({ ackDelay });
  const client = createClient({
    token: () => cold('(a|)', { a: `t${++issued}` }),
    socket: server.socket,
    refreshEvery: 100,
    linger,
  });
  return { server, client };
};

describe('token$', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('fetches a token at once, then every 5 hours', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      let issued = 0;
      const fetch = cold('(a|)');
      const client = createClient({
        token: () => fetch.pipe(map(() => `t${++issued}`)),
        socket: createFakeServer().socket,
      });

      expectObservable(client.token$, `^ 601m !`).toBe(`a ${FIVE_HOURS} b ${FIVE_HOURS} c`, {
        a: 't1',
        b: 't2',
        c: 't3',
      });
      expectSubscriptions(fetch.subscriptions).toBe(['(^!)', '300m (^!)', '600m (^!)']);
    });
  });

  it('on a new token, subscribes on a new socket, then closes the old one (make-before-break)', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const { server, client } = rotating(cold, { ackDelay: 0, linger: 30 });
      const seen: string[] = [];
      server.events$.subscribe((event) => seen.push(`${testScheduler.now()} ${event.type} ${event.socket}`));

      expectObservable(client.subscribe$('/real-time/crowd-sentiment', AAPL), '^ 249ms !').toBe('');
      testScheduler.flush();

      expect(seen).toEqual([
        '0 connect 1',
        '0 subscribe 1',
        // make-before-break: the old socket closes once the new one has its subscription acknowledged
        '100 connect 2',
        '100 subscribe 2',
        '100 disconnect 1',
        '200 connect 3',
        '200 subscribe 3',
        '200 disconnect 2',
        '250 unsubscribe 3',
        '280 disconnect 3',
      ]);
      expect(server.sockets.map((socket) => socket.token)).toEqual(['t1', 't2', 't3']);
      expect(server.sockets.every((socket) => !socket.connected && socket.listenerCount() === 0)).toBe(true);
    });
  });

  it('delivers what both sockets send during a rotation once, and stays connected throughout', () => {
    testScheduler.run(({ cold, hot, expectObservable }) => {
      const { server, client } = rotating(cold, { ackDelay: 5, linger: 0 });
      const sockets: string[] = [];
      server.events$.subscribe((event) => {
        if (event.type === 'connect' || event.type === 'disconnect') {
          sockets.push(`${testScheduler.now()} ${event.type} ${event.socket}`);
        }
      });
      // 98: old socket only; 102, 104: both (the new one's ack comes at 105); 107: new socket only
      hot('98ms a 3ms a 1ms a 2ms a').subscribe(() =>
        server.publish('/real-time/tweet-buzz', AAPL, [
          { ts: new Date('2026-11-25T10:00:00Z'), ticker: 'AAPL', buzz: 0.5 },
        ]),
      );

      expectObservable(
        client.subscribe$('/real-time/tweet-buzz', AAPL).pipe(map((event) => event.timestamp.getTime())),
        '^ 150ms !',
      ).toBe('98ms a 3ms b 1ms c 2ms d', { a: 98, b: 102, c: 104, d: 107 });
      expectObservable(client.state$, '^ 150ms !').toBe('(abcd)', {
        a: 'idle',
        b: 'authenticating',
        c: 'connecting',
        d: 'connected',
      });
      testScheduler.flush();
      expect(sockets).toEqual(['0 connect 1', '100 connect 2', '105 disconnect 1', '151 disconnect 2']);
    });
  });

  it('during a rotation drops only the same event twice: two events with one timestamp both arrive', () => {
    testScheduler.run(({ cold, hot, expectObservable }) => {
      const { server, client } = rotating(cold, { ackDelay: 5, linger: 0 });
      const at = '2026-11-25T10:00:00.000Z';
      const buzz = (value: string) => [{ ts: at, ticker: 'AAPL', buzz: value }];
      // 102 and 103: both sockets are subscribed (the new one's ack comes at 105), one timestamp for all.
      const reached: number[] = [];
      hot('102ms a 1ms (bc)').subscribe((what) =>
        reached.push(
          server.publishEncoded(
            '/real-time/tweet-buzz',
            AAPL,
            buzz({ a: '0.5', b: '0.6', c: '0.7' }[what] ?? ''),
            { timestamp: at },
          ),
        ),
      );

      expectObservable(
        client.subscribe$('/real-time/tweet-buzz', AAPL).pipe(map((event) => event.results[0]?.buzz)),
        '^ 150ms !',
      ).toBe('102ms a 1ms (bc)', { a: 0.5, b: 0.6, c: 0.7 }); // each sent on both sockets, delivered once
      testScheduler.flush();
      expect(reached).toEqual([2, 2, 2]); // the overlap this spec is about: every event went out twice
    });
  });

  it('hands over at once when there is nothing to subscribe', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const { server, client } = rotating(cold, { ackDelay: 0, linger: 0 });
      expectObservable(client.connection$.pipe(map((socket) => socket.id)), '^ 150ms !').toBe('a 99ms b', {
        a: 'fake-1',
        b: 'fake-2',
      });
      testScheduler.flush();
      expect(server.sockets.map((socket) => socket.connected)).toEqual([false, false]);
      expect(server.sockets[0]?.listenerCount()).toBe(0);
    });
  });

  it('fetches a fresh token at once when the server refuses the handshake', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      let issued = 0;
      const fetch = cold('-----a|');
      const server = createFakeServer({ authorize: (token) => (token === 't1' ? 'token expired' : null) });
      const client = createClient({
        token: () => fetch.pipe(map(() => `t${++issued}`)),
        socket: server.socket,
      });

      expectObservable(client.token$, '^ 20ms !').toBe('-----a----b', { a: 't1', b: 't2' });
      expectObservable(client.state$, '^ 20ms !').toBe('(ab)-(cb)-(cd)', {
        a: 'idle',
        b: 'authenticating',
        c: 'connecting',
        d: 'connected',
      });
      expectObservable(client.connection$.pipe(map((socket) => socket.id)), '^ 20ms !').toBe('----------a', {
        a: 'fake-2',
      });
      expectSubscriptions(fetch.subscriptions).toBe(['^----!', '-----^----!']);
    });
  });

  it('backs off when the server refuses fresh tokens in a row, then gives up with a TokenError', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      let issued = 0;
      const server = createFakeServer({ authorize: () => 'invalid token' });
      const client = createClient({
        token: () => cold('(a|)', { a: `t${++issued}` }),
        socket: server.socket,
        retryAttempts: 3,
        retryWait: (retries) => retries * 10,
      });

      // refused at 0 → refetch at once; refused again → wait 10; again → wait 20; the 4th refusal fails.
      expectObservable(client.token$, '^ 100ms !').toBe('(ab) 6ms c 19ms d', {
        a: 't1',
        b: 't2',
        c: 't3',
        d: 't4',
      });
      expectObservable(client.subscribe$('/real-time/tweet-buzz', AAPL), BOUNDED).toBe(
        '30ms #',
        undefined,
        new TokenError('rejected', 'The server refused 4 tokens in a row: invalid token'),
      );
    });
  });

  it('does not retry a 401: every subscriber gets the TokenError', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const unauthorized = TokenError.fromStatus(401, 'Invalid API key provided');
      const fetch = cold('-----#', undefined, unauthorized);
      const client = createClient({ token: () => fetch, socket: createFakeServer().socket });

      expectObservable(client.subscribe$('/real-time/tweet-buzz', AAPL), BOUNDED).toBe(
        '-----#',
        undefined,
        unauthorized,
      );
      expectObservable(client.subscribe$('/real-time/tweet-volume', AAPL), BOUNDED).toBe(
        '-----#',
        undefined,
        unauthorized,
      );
      expectObservable(client.state$, BOUNDED).toBe('(ab)-c', {
        a: 'idle',
        b: 'authenticating',
        c: 'failed',
      });
      expectSubscriptions(fetch.subscriptions).toBe('^----!');
      expect(unauthorized).toMatchObject({ name: 'TokenError', code: 'unauthorized', status: 401 });
    });
  });

  it('retries a 503 with backoff, then connects', () => {
    testScheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const unavailable = TokenError.fromStatus(503, 'Service Unavailable');
      const attempts = [
        cold('-#', undefined, unavailable),
        cold('-#', undefined, unavailable),
        cold('-(a|)', { a: 't1' }),
      ];
      let calls = 0;
      const server = createFakeServer();
      const client = createClient({
        token: () => attempts[calls++]!,
        socket: server.socket,
        retryWait: (retries) => 10 * 2 ** (retries - 1),
      });

      expectObservable(client.token$, '^ 50ms !').toBe('--- 10ms 20ms a', { a: 't1' });
      expectSubscriptions(attempts[0]!.subscriptions).toBe('^!');
      expectSubscriptions(attempts[1]!.subscriptions).toBe('- 10ms ^!');
      expectSubscriptions(attempts[2]!.subscriptions).toBe('-- 10ms 20ms ^!');
    });
  });

  it('refreshes early when the token says it expires before the next scheduled refresh', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const jwt = (exp: number) => `h.${btoa(JSON.stringify({ exp })).replace(/=+$/, '')}.s`;
      const tokens = [jwt(3600), jwt(7200)]; // seconds since the epoch; virtual time starts at 0
      let calls = 0;
      const client = createClient({
        token: () => cold('(a|)', { a: tokens[calls++]! }),
        socket: createFakeServer().socket,
      });

      expectObservable(client.token$, '^ 60m !').toBe('a 58m 59s 999ms b', { a: tokens[0], b: tokens[1] });
    });
  });

  it('wraps a failing custom source in a TokenError and retries it', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const attempts = [cold('#', undefined, new Error('offline')), cold('a', { a: 't1' })];
      let calls = 0;
      const client = createClient({
        token: () => attempts[calls++]!,
        socket: createFakeServer().socket,
        retryWait: () => 5,
      });
      expectObservable(client.token$, '^ 10ms !').toBe('5ms a', { a: 't1' });
    });
  });

  it('gives up after retryAttempts transient failures with the last TokenError', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const failure = new Error('offline');
      const client = createClient({
        token: () => cold('#', undefined, failure),
        socket: createFakeServer().socket,
        retryAttempts: 2,
        retryWait: () => 5,
      });
      expectObservable(client.token$, BOUNDED).toBe(
        '10ms #',
        undefined,
        new TokenError('source', 'Token source failed: offline', undefined, { cause: failure }),
      );
    });
  });

  it('says what a source returned when it is not a string, a promise or an Observable', () => {
    testScheduler.run(({ expectObservable }) => {
      const client = createClient({
        token: (() => 42) as unknown as () => string,
        socket: createFakeServer().socket,
        retryAttempts: 0,
      });
      expectObservable(client.token$, BOUNDED).toBe(
        '#',
        undefined,
        new TokenError(
          'source',
          'Token source failed: returned 42, not a string, a promise or an Observable',
        ),
      );
    });
  });

  it('describes a source that fails with something other than an Error by its JSON', () => {
    testScheduler.run(({ cold, expectObservable }) => {
      const failure = { code: 42 };
      const client = createClient({
        token: () => cold('#', undefined, failure),
        socket: createFakeServer().socket,
        retryAttempts: 0,
      });
      expectObservable(client.token$, BOUNDED).toBe(
        '#',
        undefined,
        new TokenError('source', 'Token source failed: {"code":42}', undefined, { cause: failure }),
      );
    });
  });
});
