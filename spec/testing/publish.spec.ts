import { map } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { createClient } from '../../lib/client/create-client';
import { createFakeServer } from '../../lib/testing/fake-server';
import { createTestScheduler } from '../support/marbles';

const VOLUME = '/real-time/tweet-volume';
const AAPL = { ticker: 'AAPL' };
const at = new Date('2026-11-25T10:00:00.000Z');

describe('FakeServer.publish', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = createTestScheduler();
  });

  const setUp = () => {
    const server = createFakeServer();
    const client = createClient({ token: () => 't', socket: server.socket, linger: 0 });
    return { server, client };
  };

  it('takes decoded records, sends them encoded by the catalogue codec, and the client decodes them back', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client } = setUp();
      const wire: unknown[] = [];
      const sent: number[] = [];
      hot('-a').subscribe(() => {
        server.sockets[0]?.on('data', (payload: unknown) => wire.push(payload));
        sent.push(server.publish(VOLUME, AAPL, [{ ts: at, ticker: 'AAPL', volume: 3 }], { timestamp: at }));
      });

      expectObservable(client.subscribe$(VOLUME, AAPL).pipe(map((event) => event.results)), '^-!').toBe(
        '-a',
        {
          a: [{ ts: at, ticker: 'AAPL', volume: 3 }],
        },
      );
      testScheduler.flush();
      expect(sent).toEqual([1]);
      expect(wire).toEqual([
        {
          path: VOLUME,
          params: AAPL,
          results: [{ ts: '2026-11-25T10:00:00.000Z', ticker: 'AAPL', volume: '3' }],
          timestamp: '2026-11-25T10:00:00.000Z',
        },
      ]);
    });
  });

  it('throws, saying why, when nobody is subscribed: at frame 0 the client has not subscribed yet', () => {
    testScheduler.run(({ hot, expectObservable }) => {
      const { server, client } = setUp();
      const thrown: unknown[] = [];
      hot('ab').subscribe((which) => {
        try {
          server.publish(which === 'a' ? VOLUME : '/real-time/tweet-buzz', AAPL, []);
        } catch (error) {
          thrown.push(error);
        }
      });
      expectObservable(client.subscribe$(VOLUME, AAPL).pipe(map(() => 'v')), '^--!').toBe('');
      testScheduler.flush();
      expect(thrown.map((error) => (error as Error).message)).toEqual([
        `FakeServer.publish: nobody is subscribed to ${VOLUME} {"ticker":"AAPL"} at 0 ms (held: none). The client subscribes once its socket has connected: publish later (from frame 1 in TestScheduler.run), or pass { ifNobody: 'ignore' }.`,
        `FakeServer.publish: nobody is subscribed to /real-time/tweet-buzz {"ticker":"AAPL"} at 1 ms (held: ${VOLUME} {"ticker":"AAPL"}). The client subscribes once its socket has connected: publish later (from frame 1 in TestScheduler.run), or pass { ifNobody: 'ignore' }.`,
      ]);
    });
  });

  it("answers 0 instead with { ifNobody: 'ignore' }", () => {
    const { server } = setUp();
    expect(server.publish(VOLUME, AAPL, [], { ifNobody: 'ignore' })).toBe(0);
    expect(server.publishEncoded('/real-time/anything', {}, 'garbage', { ifNobody: 'ignore' })).toBe(0);
  });
});
