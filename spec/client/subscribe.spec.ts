import { map, retry } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import * as t from 'io-ts';
import { createClient } from '../../lib/client/create-client';
import { customEndpoint } from '../../lib/endpoints/custom-endpoint';
import { DecodeError } from '../../lib/errors/decode-error';
import { SubscribeError } from '../../lib/errors/subscribe-error';
import { createFakeServer, type FakeServerOptions } from '../../lib/testing/fake-server';
import type { FakeServerEvent } from '../../lib/testing/fake-server';
import { BOUNDED, createTestScheduler } from '../support/marbles';

const VOLUME = '/real-time/tweet-volume';
const BUZZ = '/real-time/tweet-buzz';
const AAPL = { ticker: 'AAPL' };
const record = (volume: string) => [{ ts: '2014-08-12T20:40:00.000Z', ticker: 'AAPL', volume }];

/** A client on a fake server whose token arrives at once; `log` is the server's view as `time event`. */
const setUp = (testScheduler: TestScheduler, serverOptions: FakeServerOptions = {}, ackTimeout = 10_000) => {
  const server = createFakeServer(serverOptions);
  const client = createClient({ token: () => 't1', socket: server.socket, ackTimeout, linger: 50 });
  const log: string[] = [];
  server.events$.subscribe((event) => log.push(`${testScheduler.now()} ${describeEvent(event)}`));
  return { server, client, log };
};

const describeEvent = (event: FakeServerEvent): string => {
  switch (event.type) {
    case 'subscribe':
    case 'unsubscribe':
      return `${event.type} ${event.socket} ${event.path} ${JSON.stringify(event.params)}`;
    case 'disconnect':
      return `disconnect ${event.socket} ${event.reason}`;
    default:
      return `${event.type} ${event.socket}`;
  }
};

describe('subscribe$', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  it('is lazy: nothing is fetched or opened before the first subscriber', () => {
    testScheduler.run(({ cold, expectSubscriptions }) => {
      const fetch = cold('(a|)', { a: 't1' });
      const server = createFakeServer();
      const client = createClient({ token: () => fetch, socket: server.socket });
      client.subscribe$(VOLUME, AAPL);
      testScheduler.flush();
      expectSubscriptions(fetch.subscriptions).toBe([]);
      expect(server.sockets).toHaveLength(0);
    });
  });

  it("refuses a second decoder for the same path and params instead of handing it the first one's output", () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client, log } = setUp(testScheduler);
      hot('--a').subscribe(() => server.publishEncoded(VOLUME, AAPL, record('1')));
      const raw = customEndpoint(VOLUME, t.array(t.type({ volume: t.string })));

      expectObservable(
        client.subscribe$(VOLUME, AAPL).pipe(map((event) => event.results[0]?.volume)),
        BOUNDED,
      ).toBe('--a', { a: 1 });
      expectObservable(client.subscribe$(raw, AAPL), BOUNDED).toBe(
        '#',
        undefined,
        new SubscribeError(
          'decoder_conflict',
          `${VOLUME} with these params is already subscribed with another decoder: subscribe through one endpoint object`,
          VOLUME,
          AAPL,
        ),
      );
      // The same endpoint object twice is one stream, as ever.
      expectObservable(client.subscribe$(VOLUME, AAPL).pipe(map(() => 'v')), BOUNDED).toBe('--v');
      testScheduler.flush();
      expect(log.filter((line) => line.startsWith('0 subscribe'))).toHaveLength(1); // one server subscription
    });
  });

  it('keeps one stream for one customEndpoint subscribed twice', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client, log } = setUp(testScheduler);
      hot('--a').subscribe(() => server.publishEncoded(VOLUME, AAPL, record('1')));
      const raw = customEndpoint(VOLUME, t.array(t.type({ volume: t.string })));

      expectObservable(
        client.subscribe$(raw, AAPL).pipe(map((event) => event.results[0]?.volume)),
        BOUNDED,
      ).toBe('--a', { a: '1' });
      expectObservable(client.subscribe$(raw, AAPL).pipe(map(() => 'v')), BOUNDED).toBe('--v');
      testScheduler.flush();
      expect(log.filter((line) => line.startsWith('0 subscribe'))).toHaveLength(1);
    });
  });

  it('delivers every event outside a token rotation, even one sent twice', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client } = setUp(testScheduler);
      const at = '2026-11-25T10:00:00.000Z';
      hot('--a-b-a-c').subscribe((volume) =>
        server.publishEncoded(VOLUME, AAPL, record(volume === 'c' ? '3' : volume === 'b' ? '2' : '1'), {
          timestamp: at,
        }),
      );

      expectObservable(
        client.subscribe$(VOLUME, AAPL).pipe(map((event) => event.results[0]?.volume)),
        BOUNDED,
      ).toBe('--a-b-a-c', { a: 1, b: 2, c: 3 });
    });
  });

  it('sends subscribe on subscription and unsubscribe with the same options on teardown', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client, log } = setUp(testScheduler);
      const received: number[] = [];
      hot('--a--b').subscribe((volume) =>
        received.push(
          server.publishEncoded(VOLUME, AAPL, record(volume === 'a' ? '1' : '2'), { ifNobody: 'ignore' }),
        ),
      );

      expectObservable(
        client
          .subscribe$(VOLUME, AAPL)
          .pipe(map((event) => (event.results as { volume: number }[])[0]?.volume)),
        '^---!',
      ).toBe('--a', { a: 1 });
      testScheduler.flush();

      expect(log).toEqual([
        '0 connect 1',
        `0 subscribe 1 ${VOLUME} {"ticker":"AAPL"}`,
        `4 unsubscribe 1 ${VOLUME} {"ticker":"AAPL"}`,
        '54 disconnect 1 io client disconnect',
      ]);
      expect(received).toEqual([1, 0]); // b came after the unsubscribe: nobody got it
    });
  });

  it('shares one server subscription between local subscribers, whatever the params key order', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client, log } = setUp(testScheduler);
      // a custom endpoint, so that params can have two keys
      const windowed = customEndpoint(VOLUME, t.UnknownArray);
      const params = { ticker: 'AAPL', interval: 1 };
      hot('---a----b').subscribe(() =>
        server.publishEncoded(VOLUME, { interval: 1, ticker: 'AAPL' }, record('7')),
      );
      const volume = map(() => 'v');

      expectObservable(client.subscribe$(windowed, params).pipe(volume), '^------!').toBe('---v');
      expectObservable(
        client.subscribe$(windowed, { interval: 1, ticker: 'AAPL' }).pipe(volume),
        '--^------!',
      ).toBe('---v----v');
      testScheduler.flush();

      expect(log.filter((line) => / (un)?subscribe /.test(line))).toEqual([
        `0 subscribe 1 ${VOLUME} {"ticker":"AAPL","interval":1}`,
        `9 unsubscribe 1 ${VOLUME} {"ticker":"AAPL","interval":1}`,
      ]);
    });
  });

  it('routes data by path and params, so each subscription sees only its own', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client } = setUp(testScheduler);
      hot('-a-b-c').subscribe((which) => {
        if (which === 'a') server.publishEncoded(VOLUME, AAPL, record('1'));
        if (which === 'b') server.publishEncoded(VOLUME, { ticker: 'TSLA' }, record('2'));
        if (which === 'c') server.publishEncoded(BUZZ, AAPL, []);
      });
      const path = map(
        (event: { path: string; params: unknown }) => `${event.path} ${JSON.stringify(event.params)}`,
      );

      expectObservable(client.subscribe$(VOLUME, AAPL).pipe(path), '^-----!').toBe('-a', {
        a: `${VOLUME} {"ticker":"AAPL"}`,
      });
      expectObservable(client.subscribe$(VOLUME, { ticker: 'TSLA' }).pipe(path), '^-----!').toBe('---b', {
        b: `${VOLUME} {"ticker":"TSLA"}`,
      });
      expectObservable(client.subscribe$(BUZZ, AAPL).pipe(path), '^-----!').toBe('-----c', {
        c: `${BUZZ} {"ticker":"AAPL"}`,
      });
    });
  });

  it('errors with the server message when subscribe is refused, and sends no unsubscribe', () => {
    testScheduler.run(({ expectObservable }) => {
      const refusal = 'Ticker must not be empty and can have a max of 20 letters and/or numbers';
      const { client, log } = setUp(testScheduler, {
        ack: (event) => (event === 'subscribe' ? refusal : null),
      });

      expectObservable(client.subscribe$(VOLUME, AAPL), BOUNDED).toBe(
        '#',
        undefined,
        new SubscribeError('rejected', `The server refused ${VOLUME}: ${refusal}`, VOLUME, AAPL, {
          serverMessage: refusal,
        }),
      );
      testScheduler.flush();
      expect(log.filter((line) => line.includes('unsubscribe'))).toEqual([]);
    });
  });

  it('an immediate retry after a refusal starts a fresh subscription that gets data', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      let refusals = 1;
      const { server, client, log } = setUp(testScheduler, {
        ack: (event) => (event === 'subscribe' && refusals-- > 0 ? 'busy' : null),
      });
      hot('---a').subscribe(() => server.publishEncoded(VOLUME, AAPL, record('7')));
      const volume = map((event: { results: { volume: number }[] }) => event.results[0]?.volume);

      expectObservable(client.subscribe$(VOLUME, AAPL).pipe(retry(1), volume), '^ 10ms !').toBe('---a', {
        a: 7,
      });
      testScheduler.flush();
      expect(log.filter((line) => line.includes('subscribe'))).toEqual([
        `0 subscribe 1 ${VOLUME} {"ticker":"AAPL"}`,
        `0 subscribe 1 ${VOLUME} {"ticker":"AAPL"}`,
        `11 unsubscribe 1 ${VOLUME} {"ticker":"AAPL"}`,
      ]);
    });
  });

  it('errors with ack_timeout when the server never answers, and unsubscribes to be sure', () => {
    testScheduler.run(({ expectObservable }) => {
      const { client, log } = setUp(testScheduler, { ack: () => 'withhold' }, 100);

      expectObservable(client.subscribe$(VOLUME, AAPL), BOUNDED).toBe(
        '100ms #',
        undefined,
        new SubscribeError('ack_timeout', `No answer to subscribe ${VOLUME} within 100 ms`, VOLUME, AAPL),
      );
      testScheduler.flush();
      expect(log).toContain(`100 unsubscribe 1 ${VOLUME} {"ticker":"AAPL"}`);
    });
  });

  it('an ack that arrives in time cancels the timeout', () => {
    testScheduler.run(({ expectObservable }) => {
      const { client } = setUp(testScheduler, {}, 100);
      expectObservable(client.subscribe$(VOLUME, AAPL), '^ 500ms !').toBe('');
    });
  });

  it('errors only the subscription whose payload failed to decode', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client } = setUp(testScheduler);
      hot('-a-b').subscribe((which) => {
        if (which === 'a') server.publishEncoded(VOLUME, AAPL, record('abc'));
        if (which === 'b') server.publishEncoded(BUZZ, AAPL, []);
      });
      const payload = {
        path: VOLUME,
        params: AAPL,
        results: record('abc'),
        timestamp: '1970-01-01T00:00:00.001Z',
      };

      expectObservable(client.subscribe$(VOLUME, AAPL), BOUNDED).toBe(
        '-#',
        undefined,
        new DecodeError(
          'invalid_payload',
          ['Invalid value "abc" supplied to results/0/volume: IntegerFromString'],
          payload,
          VOLUME,
          AAPL,
        ),
      );
      expectObservable(client.subscribe$(BUZZ, AAPL).pipe(map(() => 'x')), '^---!').toBe('---x');
    });
  });

  it('reports payloads that cannot be routed on unroutable$', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client } = setUp(testScheduler);
      hot('-a').subscribe(() => server.sendRaw({ results: [] }));
      expectObservable(client.subscribe$(VOLUME, AAPL), '^--!').toBe('');
      expectObservable(client.unroutable$.pipe(map((error) => error.report[0])), '^--!').toBe('-a', {
        a: 'Invalid value undefined supplied to path: string',
      });
    });
  });

  it('refuses an unknown path or bad params before sending anything', () => {
    testScheduler.run(({ expectObservable }) => {
      const { client, log } = setUp(testScheduler);
      // @ts-expect-error an unknown path does not compile either
      expectObservable(client.subscribe$('/real-time/nope', AAPL), BOUNDED).toBe(
        '#',
        undefined,
        new SubscribeError(
          'invalid_params',
          '/real-time/nope is not a real-time path of the catalogue (describe others with customEndpoint)',
          '/real-time/nope',
          AAPL,
        ),
      );
      expectObservable(client.subscribe$(VOLUME, { ticker: 'not a ticker!' }), BOUNDED).toBe(
        '#',
        undefined,
        expect.objectContaining({ name: 'SubscribeError', code: 'invalid_params' }),
      );
      testScheduler.flush();
      expect(log).toEqual([]);
    });
  });
});
