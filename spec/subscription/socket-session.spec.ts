import * as t from 'io-ts';
import { Subscriber, Subscription } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { SubscribeError } from '../../lib/errors/subscribe-error';
import { subscriptionKey } from '../../lib/subscription/canonical-key';
import { createDesiredSubscriptions, wantedEntry } from '../../lib/subscription/desired-subscriptions';
import { createRotationWindow } from '../../lib/subscription/rotation-window';
import { socketSession } from '../../lib/subscription/socket-session';
import { createTestScheduler } from '../support/marbles';
import { scriptedSocket } from '../support/scripted-socket';

const PATH = '/real-time/crowd-sentiment';
/** An observer that takes everything and does nothing. */
const IGNORED = { next: () => undefined, error: () => undefined, complete: () => undefined };

/** A session on a scripted socket; `failures` are what its entries' subscribers heard. */
const setUp = (scheduler: TestScheduler, ackTimeout = 100) => {
  const desired = createDesiredSubscriptions();
  const socket = scriptedSocket();
  const rotation = createRotationWindow(scheduler, 1_000);
  const ready: number[] = [];
  const data: unknown[] = [];
  const failures: unknown[] = [];
  const want = (ticker: string) => {
    const params = { ticker };
    const entry = wantedEntry(subscriptionKey(PATH, params), { path: PATH, params }, t.unknown);
    entry.sinks = [new Subscriber({ ...IGNORED, error: (error: unknown) => failures.push(error) })];
    desired.add(entry);
    return entry;
  };
  const start = () => {
    let completed = false;
    const subscription = socketSession(socket, new Subscription(), {
      desired,
      scheduler,
      ackTimeout,
      onData: (payload) => data.push(payload),
      onReady: () => ready.push(scheduler.now()),
      rotation,
    }).subscribe({ complete: () => (completed = true) });
    return { subscription, completed: () => completed };
  };
  const sent = () =>
    socket.emitted.map(
      ({ event, options }) => `${event} ${(options as { params: { ticker: string } }).params.ticker}`,
    );
  return { desired, socket, rotation, ready, data, failures, want, start, sent };
};

describe('socket session', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = createTestScheduler();
  });

  it('asks for everything wanted, follows additions and removals, and is ready once all are answered', () => {
    scheduler.run(() => {
      const session = setUp(scheduler);
      const aapl = session.want('AAPL');
      session.start();
      const msft = session.want('MSFT');
      expect(session.sent()).toEqual(['subscribe AAPL', 'subscribe MSFT']);
      session.socket.emitted[0]?.ack(null);
      expect(session.ready).toEqual([]);
      session.socket.emitted[1]?.ack(null);
      expect(session.ready).toEqual([0]);
      session.desired.remove(aapl);
      session.desired.remove(msft);
      expect(session.sent()).toEqual([
        'subscribe AAPL',
        'subscribe MSFT',
        'unsubscribe AAPL',
        'unsubscribe MSFT',
      ]);
      expect(session.failures).toEqual([]);
    });
  });

  it('with nothing wanted it is ready at once', () => {
    scheduler.run(() => {
      const session = setUp(scheduler);
      session.start();
      expect(session.ready).toEqual([0]);
    });
  });

  it('a refusal fails the subscription with the server message as it came; nothing to unsubscribe', () => {
    scheduler.run(() => {
      const session = setUp(scheduler);
      session.want('AAPL');
      session.start();
      session.socket.emitted[0]?.ack({ message: 'Unknown ticker' });
      expect(session.failures).toEqual([
        new SubscribeError(
          'rejected',
          `The server refused ${PATH}: Unknown ticker`,
          PATH,
          { ticker: 'AAPL' },
          {
            serverMessage: 'Unknown ticker',
          },
        ),
      ]);
      expect((session.failures[0] as SubscribeError).serverMessage).toBe('Unknown ticker');
      expect(session.ready).toEqual([0]);
      expect(session.sent()).toEqual(['subscribe AAPL']);
    });
  });

  it('no answer within ackTimeout fails the subscription, still unsubscribes, and ignores the late ack', () => {
    scheduler.run(({ flush }) => {
      const session = setUp(scheduler, 100);
      session.want('AAPL');
      session.start();
      scheduler.schedule(() => session.socket.emitted[0]?.ack('too late'), 150);
      flush();
      expect(session.failures).toEqual([
        new SubscribeError('ack_timeout', `No answer to subscribe ${PATH} within 100 ms`, PATH, {
          ticker: 'AAPL',
        }),
      ]);
      expect(session.sent()).toEqual(['subscribe AAPL', 'unsubscribe AAPL']);
      expect(session.failures).toHaveLength(1);
    });
  });

  it('an ack after its subscription was removed changes nothing, and its timer is gone', () => {
    scheduler.run(({ flush }) => {
      const session = setUp(scheduler, 100);
      const aapl = session.want('AAPL');
      session.start();
      session.desired.remove(aapl);
      session.socket.emitted[0]?.ack('refused after all');
      flush();
      expect(session.failures).toEqual([]);
      expect(session.sent()).toEqual(['subscribe AAPL', 'unsubscribe AAPL']);
    });
  });

  it("hands on the socket's data, ends with its disconnect, and ignores acks after that", () => {
    scheduler.run(({ flush }) => {
      const session = setUp(scheduler, 100);
      session.want('AAPL');
      const running = session.start();
      expect(session.rotation.overlapping()).toBe(false);
      session.socket.receive('data', { path: PATH });
      session.socket.receive('disconnect', 'transport close');
      expect(running.completed()).toBe(true);
      expect(session.socket.listening('data')).toBe(0);
      expect(session.socket.listening('disconnect')).toBe(0);
      session.socket.receive('data', { path: 'after' });
      session.socket.emitted[0]?.ack('late');
      flush();
      expect(session.data).toEqual([{ path: PATH }]);
      expect(session.failures).toEqual([]);
    });
  });

  it('two sessions at once are an overlap for the rotation window', () => {
    scheduler.run(() => {
      const session = setUp(scheduler);
      const first = session.start();
      const second = session.start();
      expect(session.rotation.overlapping()).toBe(true);
      first.subscription.unsubscribe();
      second.subscription.unsubscribe();
      expect(session.socket.listening('data')).toBe(0);
    });
  });
});
