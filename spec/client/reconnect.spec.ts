import { map } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { createClient } from '../../lib/client/create-client';
import { createFakeServer } from '../../lib/testing/fake-server';
import type { FakeAck } from '../../lib/testing/fake-server';
import { createTestScheduler } from '../support/marbles';

const VOLUME = '/real-time/tweet-volume';
const AAPL = { ticker: 'AAPL' };
const record = [{ ts: '2014-08-12T20:40:00.000Z', ticker: 'AAPL', volume: '3' }];

describe('reconnecting', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  const setUp = () => {
    const server = createFakeServer({ reconnectDelay: 10 });
    const client = createClient({
      token: () => 't1',
      socket: server.socket,
      linger: 0,
      retryWait: (retries) => 5 * retries,
    });
    const log: string[] = [];
    server.events$.subscribe((event) =>
      log.push(`${testScheduler.now()} ${event.type}${'reason' in event ? ` ${event.reason}` : ''}`),
    );
    return { server, client, log };
  };

  it('re-subscribes after a lost transport, and data resumes with no error', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client, log } = setUp();
      hot('-a--------d 20ms a').subscribe((what) =>
        what === 'd' ? server.dropAll() : server.publishEncoded(VOLUME, AAPL, record),
      );

      expectObservable(client.subscribe$(VOLUME, AAPL).pipe(map(() => 'v')), '^ 40ms !').toBe('-v 29ms v');
      expectObservable(client.state$, '^ 40ms !').toBe('(abcd) 4ms e 9ms d', {
        a: 'idle',
        b: 'authenticating',
        c: 'connecting',
        d: 'connected',
        e: 'reconnecting',
      });
      testScheduler.flush();

      expect(log).toEqual([
        '0 connect',
        '0 subscribe',
        '10 disconnect transport close',
        '20 connect',
        '20 subscribe',
        '41 unsubscribe',
        '41 disconnect io client disconnect',
      ]);
    });
  });

  it('reconnects by itself, with backoff, after the server hung up', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client, log } = setUp();
      hot('--d 9ms d 19ms a').subscribe((what) =>
        what === 'd' ? server.disconnectAll() : server.publishEncoded(VOLUME, AAPL, record),
      );

      expectObservable(client.subscribe$(VOLUME, AAPL).pipe(map(() => 'v')), '^ 40ms !').toBe(
        '-- 10ms 20ms v',
      );
      testScheduler.flush();

      // first hang-up: retry after 5 ms; the count of failures in a row only starts again after a connection
      // that stayed up for `healthyAfter`, so the second hang-up (5 ms after connecting) waits 10.
      expect(log).toEqual([
        '0 connect',
        '0 subscribe',
        '2 disconnect io server disconnect',
        '7 connect',
        '7 subscribe',
        '12 disconnect io server disconnect',
        '22 connect',
        '22 subscribe',
        '41 unsubscribe',
        '41 disconnect io client disconnect',
      ]);
    });
  });

  it('never emits while disconnected, and a quick subscribe/unsubscribe/subscribe collapses', () => {
    testScheduler.run(({ expectObservable }) => {
      const server = createFakeServer({ connectDelay: 10 });
      const client = createClient({ token: () => 't1', socket: server.socket, linger: 0 });
      const subscribed: string[] = [];
      server.events$.subscribe((event) => subscribed.push(`${testScheduler.now()} ${event.type}`));

      expectObservable(client.subscribe$(VOLUME, AAPL), '^-!').toBe('');
      expectObservable(client.subscribe$(VOLUME, AAPL), '--^ 20ms !').toBe('');
      // keeps the socket open across the gap at 2 ms
      expectObservable(client.connection$.pipe(map(() => 's')), '^ 30ms !').toBe('10ms s');
      testScheduler.flush();

      expect(subscribed).toEqual(['10 connect', '10 subscribe', '23 unsubscribe', '31 disconnect']);
      expect(server.sockets).toHaveLength(1);
    });
  });

  it('forgets a dropped socket: no ack timeout, nothing sent while down, what is wanted sent once after', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      let answer: FakeAck = 'withhold';
      const server = createFakeServer({ reconnectDelay: 50, ack: () => answer });
      const client = createClient({ token: () => 't1', socket: server.socket, ackTimeout: 20, linger: 0 });
      const log: string[] = [];
      server.events$.subscribe((event) =>
        log.push(`${testScheduler.now()} ${event.type}${'path' in event ? ` ${event.path}` : ''}`),
      );
      hot('-----d').subscribe(() => {
        answer = null;
        server.dropAll();
      });

      expectObservable(client.subscribe$(VOLUME, AAPL), '^ 80ms !').toBe('');
      expectObservable(client.subscribe$('/real-time/tweet-buzz', AAPL), '- 9ms ^-!').toBe('');
      expectObservable(client.subscribe$('/real-time/tweet-buzz', AAPL), '- 13ms ^ 70ms !').toBe('');
      testScheduler.flush();

      expect(log).toEqual([
        '0 connect',
        `0 subscribe ${VOLUME}`,
        '5 disconnect',
        '55 connect',
        `55 subscribe ${VOLUME}`,
        '55 subscribe /real-time/tweet-buzz',
        `81 unsubscribe ${VOLUME}`,
        '85 unsubscribe /real-time/tweet-buzz',
        '85 disconnect',
      ]);
    });
  });

  it('leaves no listeners on a socket it closed', () => {
    testScheduler.run(({ expectObservable }) => {
      const { server, client } = setUp();
      expectObservable(client.subscribe$(VOLUME, AAPL), '^ 5ms !').toBe('');
      testScheduler.flush();
      expect(server.sockets.map((socket) => [socket.connected, socket.listenerCount()])).toEqual([
        [false, 0],
      ]);
    });
  });
});
