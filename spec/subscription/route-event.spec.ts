import * as t from 'io-ts';
import { Subscriber } from 'rxjs';
import { recordListCodec } from '../../lib/endpoints/record-codec';
import { DecodeError } from '../../lib/errors/decode-error';
import { subscriptionKey } from '../../lib/subscription/canonical-key';
import { createDesiredSubscriptions, wantedEntry } from '../../lib/subscription/desired-subscriptions';
import { createRouter } from '../../lib/subscription/route-event';
import { createRotationWindow } from '../../lib/subscription/rotation-window';
import { queueScheduler } from 'rxjs';

const PATH = '/real-time/crowd-sentiment';
const AT = '2026-01-02T15:30:00.000Z';
const Results = t.array(t.type({ score: t.number }));

/** A router over one wanted (PATH, { ticker: 'AAPL' }) decoded by `Results`; `overlap` opens a rotation. */
const setUp = (results: t.Decoder<unknown, unknown> = Results) => {
  const desired = createDesiredSubscriptions();
  const rotation = createRotationWindow(queueScheduler, 1_000);
  const unroutable: DecodeError[] = [];
  const events: unknown[] = [];
  const failures: unknown[] = [];
  const params = Object.freeze({ ticker: 'AAPL' });
  const entry = wantedEntry(subscriptionKey(PATH, params), { path: PATH, params }, results);
  entry.sinks = [
    new Subscriber({
      next: (event) => events.push(event),
      error: (error: unknown) => failures.push(error),
      complete: () => undefined,
    }),
  ];
  desired.add(entry);
  const route = createRouter({ desired, rotation, onUnroutable: (error) => unroutable.push(error) });
  const overlap = () => {
    rotation.opened();
    rotation.opened();
  };
  return { desired, route, unroutable, events, failures, params, overlap };
};

describe('routing a data payload', () => {
  it('no data envelope: onUnroutable with a DecodeError; nothing delivered', () => {
    const router = setUp();
    for (const payload of [
      null,
      'x',
      { path: PATH, params: {}, timestamp: AT },
      { path: 1, params: {}, results: [] },
    ]) {
      router.route(payload);
    }
    expect(router.unroutable).toHaveLength(4);
    expect(
      router.unroutable.every((error) => error instanceof DecodeError && error.code === 'invalid_payload'),
    ).toBe(true);
    expect(router.events).toEqual([]);
  });

  it('for nothing wanted: dropped silently (in flight when we unsubscribed)', () => {
    const router = setUp();
    router.route({ path: PATH, params: { ticker: 'MSFT' }, results: [], timestamp: AT });
    router.route({ path: '/real-time/tweet-volume', params: { ticker: 'AAPL' }, results: [], timestamp: AT });
    expect([router.unroutable, router.events, router.failures]).toEqual([[], [], []]);
  });

  it('decoded once, with the subscription’s own params and the timestamp as a Date', () => {
    const router = setUp();
    router.route({ path: PATH, params: { ticker: 'AAPL' }, results: [{ score: 1 }], timestamp: AT });
    expect(router.events).toEqual([
      { path: PATH, params: router.params, results: [{ score: 1 }], timestamp: new Date(AT) },
    ]);
    expect((router.events[0] as { params: unknown }).params).toBe(router.params);
  });

  it('results its decoder refuses, or a timestamp that is no date, fail the subscription with a DecodeError', () => {
    for (const payload of [
      { path: PATH, params: { ticker: 'AAPL' }, results: [{ score: 'high' }], timestamp: AT },
      { path: PATH, params: { ticker: 'AAPL' }, results: [], timestamp: 'yesterday' },
    ]) {
      const router = setUp();
      router.route(payload);
      expect(router.failures).toHaveLength(1);
      expect(router.failures[0]).toMatchObject({ name: 'DecodeError', code: 'invalid_payload', path: PATH });
      expect(router.desired.byKey.get(subscriptionKey(PATH, router.params))).toBeUndefined();
    }
  });

  it('a decoder of the user’s that has a `parse` of its own is validated: its parse is never called', () => {
    const parse = jest.fn(() => [{ score: 'not checked' }]);
    const router = setUp(Object.assign(t.array(t.type({ score: t.number })), { parse }));
    router.route({ path: PATH, params: { ticker: 'AAPL' }, results: [{ score: 1 }], timestamp: AT });
    router.route({ path: PATH, params: { ticker: 'AAPL' }, results: [{ score: 'high' }], timestamp: AT });
    expect(parse).not.toHaveBeenCalled();
    expect(router.events).toEqual([expect.objectContaining({ results: [{ score: 1 }] })]);
    expect(router.failures).toEqual([
      expect.objectContaining({ name: 'DecodeError', code: 'invalid_payload' }),
    ]);
  });

  it('a catalogue list codec decodes by its plain parse and reports a failure as validate does', () => {
    const codec = recordListCodec({ ts: { kind: 'timestamp' }, score: { kind: 'decimal' } });
    const good = setUp(codec);
    good.route({
      path: PATH,
      params: { ticker: 'AAPL' },
      results: [{ ts: AT, score: '0.5' }],
      timestamp: AT,
    });
    expect(good.events).toEqual([
      expect.objectContaining({ results: [{ ts: new Date(AT), score: 0.5 }], timestamp: new Date(AT) }),
    ]);
    const bad = setUp(codec);
    const results = [{ ts: AT, score: 'high' }];
    bad.route({ path: PATH, params: { ticker: 'AAPL' }, results, timestamp: AT });
    expect(bad.failures).toHaveLength(1);
    expect((bad.failures[0] as DecodeError).report).toEqual(
      expect.arrayContaining([expect.stringContaining('results/0/score')]),
    );
  });

  it('the same event twice: delivered twice outside a rotation, once during one; a different one at the same time twice', () => {
    const payload = { path: PATH, params: { ticker: 'AAPL' }, results: [{ score: 1 }], timestamp: AT };
    const outside = setUp();
    outside.route(payload);
    outside.route({ ...payload });
    expect(outside.events).toHaveLength(2);
    const during = setUp();
    during.overlap();
    during.route(payload);
    during.route({ ...payload, results: [{ score: 1 }] });
    during.route({ ...payload, results: [{ score: 2 }] });
    expect(during.events.map((event) => (event as { results: unknown }).results)).toEqual([
      [{ score: 1 }],
      [{ score: 2 }],
    ]);
  });
});
