import { type Observable, type Subscription, map } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import * as t from 'io-ts';
import { createClient } from '../../lib/client/create-client';
import { customEndpoint } from '../../lib/endpoints/custom-endpoint';
import { createFakeServer } from '../../lib/testing/fake-server';
import type { DataEvent } from '../../lib/subscription/data-event';
import { createTestScheduler } from '../support/marbles';

const VOLUME = '/real-time/tweet-volume';
const AAPL = { ticker: 'AAPL' };
const record = (volume: string) => [{ ts: '2014-08-12T20:40:00.000Z', ticker: 'AAPL', volume }];
/** The volume of an event's first record, which names the event in the marbles. */
const volumeOf = (event: DataEvent<unknown, unknown>) => (event.results as { volume: unknown }[])[0]?.volume;

/** A client on a fake server; `push(volume)` publishes one event with that volume, stamped `at(volume)`. */
const setUp = (options: { refreshEvery?: number; linger?: number } = {}) => {
  let issued = 0;
  const server = createFakeServer();
  const client = createClient({
    token: () => `t${++issued}`,
    socket: server.socket,
    linger: options.linger ?? 50,
    ...(options.refreshEvery === undefined ? {} : { refreshEvery: options.refreshEvery }),
  });
  const at = (volume: string) => new Date(Date.UTC(2026, 0, 1, 0, 0, Number(volume))).toISOString();
  const push = (volume: string) =>
    server.publishEncoded(VOLUME, AAPL, record(volume), { timestamp: at(volume), ifNobody: 'ignore' });
  return { server, client, push, at };
};

/** Subscribes `source` at `frame`, keeping what it gets (as volumes) and when; unsubscribes at `until`. */
const joinAt = (
  scheduler: TestScheduler,
  frame: number,
  source: () => Observable<DataEvent<unknown, unknown>>,
  until = 1_000,
) => {
  const got: string[] = [];
  const events: DataEvent<unknown, unknown>[] = [];
  let subscription: Subscription | undefined;
  scheduler.schedule(() => {
    subscription = source().subscribe((event) => {
      got.push(`${scheduler.now()} ${String(volumeOf(event))}`);
      events.push(event);
    });
  }, frame);
  scheduler.schedule(() => subscription?.unsubscribe(), until);
  return { got, events };
};

const PUSHES = { a: '1', b: '2', c: '3', d: '4' };

describe('image on join: subscribe$ gives a late subscriber the latest event at once', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = createTestScheduler();
  });

  it('a late subscriber gets the latest event synchronously (the same object, its timestamp), then every new event once', () => {
    scheduler.run(({ hot, expectObservable }) => {
      const { client, push, at } = setUp();
      hot('-a 9ms b 9ms c', PUSHES).subscribe(push);
      const first = joinAt(scheduler, 0, () => client.subscribe$(VOLUME, AAPL));
      const late = joinAt(scheduler, 15, () => client.subscribe$(VOLUME, AAPL));
      expectObservable(client.subscribe$(VOLUME, AAPL).pipe(map(volumeOf)), '^ 100ms !').toBe(
        '-a 9ms b 9ms c',
        {
          a: 1,
          b: 2,
          c: 3,
        },
      );
      scheduler.flush();
      expect(first.got).toEqual(['1 1', '11 2', '21 3']);
      expect(late.got).toEqual(['15 2', '21 3']);
      expect(late.events[0]).toBe(first.events[1]);
      expect(late.events[0]?.timestamp).toEqual(new Date(at('2')));
    });
  });

  it('nothing before the first push; then the push, once', () => {
    scheduler.run(({ hot }) => {
      const { client, push } = setUp();
      hot('-- 20ms a', PUSHES).subscribe(push);
      const first = joinAt(scheduler, 0, () => client.subscribe$(VOLUME, AAPL));
      const second = joinAt(scheduler, 10, () => client.subscribe$(VOLUME, AAPL));
      scheduler.flush();
      expect(first.got).toEqual(['22 1']);
      expect(second.got).toEqual(['22 1']);
    });
  });

  it('{ latest: false }: only events that arrive after subscribing', () => {
    scheduler.run(({ hot }) => {
      const { client, push } = setUp();
      hot('-a 19ms b', PUSHES).subscribe(push);
      joinAt(scheduler, 0, () => client.subscribe$(VOLUME, AAPL));
      const late = joinAt(scheduler, 10, () => client.subscribe$(VOLUME, AAPL, { latest: false }));
      scheduler.flush();
      expect(late.got).toEqual(['21 2']);
    });
  });

  it('a customEndpoint alike', () => {
    scheduler.run(({ hot }) => {
      const { client, push } = setUp();
      const raw = customEndpoint(VOLUME, t.array(t.type({ volume: t.string })), t.type({ ticker: t.string }));
      hot('-a', PUSHES).subscribe(push);
      joinAt(scheduler, 0, () => client.subscribe$(raw, AAPL));
      const late = joinAt(scheduler, 10, () => client.subscribe$(raw, AAPL));
      scheduler.flush();
      expect(late.got).toEqual(['10 1']);
    });
  });

  it('the image lasts through a reconnect', () => {
    scheduler.run(({ hot }) => {
      const { server, client, push } = setUp();
      const seen: string[] = [];
      server.events$.subscribe((event) => seen.push(`${scheduler.now()} ${event.type}`));
      hot('-a', PUSHES).subscribe(push);
      hot('-- 10ms x').subscribe(() => server.dropAll()); // socket.io reconnects after 1 s
      joinAt(scheduler, 0, () => client.subscribe$(VOLUME, AAPL), 5_000);
      const late = joinAt(scheduler, 2_000, () => client.subscribe$(VOLUME, AAPL), 5_000);
      scheduler.flush();
      expect(seen.slice(0, 5)).toEqual([
        '0 connect',
        '0 subscribe',
        '12 disconnect',
        '1012 connect',
        '1012 subscribe',
      ]);
      expect(late.got).toEqual(['2000 1']);
    });
  });

  it('the image lasts through a token rotation', () => {
    scheduler.run(({ hot }) => {
      const { server, client, push } = setUp({ refreshEvery: 100 });
      hot('-a', PUSHES).subscribe(push);
      joinAt(scheduler, 0, () => client.subscribe$(VOLUME, AAPL), 500);
      const late = joinAt(scheduler, 250, () => client.subscribe$(VOLUME, AAPL), 500);
      scheduler.flush();
      expect(server.sockets.length).toBeGreaterThanOrEqual(3);
      expect(late.got).toEqual(['250 1']);
    });
  });

  it('gone when the last subscriber left, even while the socket lingers', () => {
    scheduler.run(({ hot }) => {
      const { server, client, push } = setUp({ linger: 1_000 });
      hot('-a 29ms b', PUSHES).subscribe(push);
      joinAt(scheduler, 0, () => client.subscribe$(VOLUME, AAPL), 10);
      const again = joinAt(scheduler, 20, () => client.subscribe$(VOLUME, AAPL), 100);
      scheduler.flush();
      expect(server.sockets).toHaveLength(1); // the same socket, lingering in between
      expect(again.got).toEqual(['31 2']);
    });
  });

  it('gone when its stream ended with an error: a retry starts with nothing', () => {
    scheduler.run(({ hot }) => {
      const { server, client, push } = setUp();
      hot('-a', PUSHES).subscribe(push);
      hot('-- 8ms x').subscribe(() => server.publishEncoded(VOLUME, AAPL, [{ volume: 'not a number' }]));
      hot('-- 28ms b', PUSHES).subscribe(push);
      const failed: unknown[] = [];
      scheduler.schedule(
        () => client.subscribe$(VOLUME, AAPL).subscribe({ error: (error: unknown) => failed.push(error) }),
        0,
      );
      const retried = joinAt(scheduler, 20, () => client.subscribe$(VOLUME, AAPL));
      scheduler.flush();
      expect(failed).toHaveLength(1);
      expect(retried.got).toEqual(['30 2']);
    });
  });
});
