import fc from 'fast-check';
import * as t from 'io-ts';
import { of, queueScheduler } from 'rxjs';
import { isLeft } from '../../lib/codecs/is-left';
import { formatValidationErrors } from '../../lib/codecs/report';
import { DecodeError } from '../../lib/errors/decode-error';
import { subscriptionKey } from '../../lib/subscription/canonical-key';
import { DataEnvelope } from '../../lib/subscription/data-event';
import { createSubscriptionHub } from '../../lib/subscription/subscription-hub';
import { nestedObject } from '../hostile/inputs';
import { scriptedSocket } from '../support/scripted-socket';

const PATH = '/real-time/crowd-sentiment';
const RUNS = { numRuns: 300 };

/** A hub on that socket with one subscription of (PATH, params), its results taken as they come. */
const subscribed = (params: Readonly<Record<string, unknown>>) => {
  const socket = scriptedSocket(() => null);
  const unroutable: DecodeError[] = [];
  const delivered: unknown[] = [];
  const failed: unknown[] = [];
  const hub = createSubscriptionHub({
    connection$: of(socket),
    scheduler: queueScheduler,
    ackTimeout: 1_000,
    rotationGrace: 1_000,
    onUnroutable: (error) => unroutable.push(error),
    onReady: () => undefined,
  });
  const subscription = hub.stream({ path: PATH, params }, t.unknown).subscribe({
    next: (event) => delivered.push(event),
    error: (error: unknown) => failed.push(error),
  });
  return { socket, unroutable, delivered, failed, subscription };
};

const leaf = fc.oneof(fc.constantFrom('AAPL', 'MSFT', ''), fc.integer(), fc.boolean(), fc.constant(null));
const params = fc.oneof(
  fc.constant({}),
  fc.record({ ticker: fc.constantFrom('AAPL', 'MSFT') }),
  fc.dictionary(fc.constantFrom('ticker', 'a', '__proto__'), leaf, { maxKeys: 2 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ withDate: true, withMap: true, withBigInt: true, withNullPrototype: true }),
  fc.constant(nestedObject(100)),
  fc.constant({ ticker: Number.NaN }),
  fc.constant([]),
);
const timestamp = fc.oneof(
  fc.constant('2026-01-02T15:30:00.000Z'),
  fc.integer(),
  fc.constant('x'.repeat(101)),
  fc.string(),
  fc.anything(),
);
const envelope = fc.record(
  {
    path: fc.oneof(fc.constant(PATH), fc.constant('/real-time/tweet-volume'), fc.anything()),
    params,
    results: fc.anything(),
    timestamp,
  },
  { requiredKeys: [] },
);

describe('subscription hub routing', () => {
  it('sends to unroutable$ exactly the payloads DataEnvelope refuses, and routes the rest to the one subscription they name', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant({}), fc.record({ ticker: fc.constantFrom('AAPL', 'MSFT') })),
        fc.oneof(envelope, fc.anything()),
        (own, payload) => {
          const hub = subscribed(own);
          hub.socket.receive('data', payload);
          hub.subscription.unsubscribe();
          const valid = DataEnvelope.is(payload);
          expect(hub.unroutable.length).toBe(valid ? 0 : 1);
          if (!valid) {
            // The report is DataEnvelope's own (io-ts's `is` refuses a missing `results`; its decode has no line for it).
            const decoded = DataEnvelope.decode(payload);
            expect(hub.unroutable[0]).toBeInstanceOf(DecodeError);
            expect(hub.unroutable[0]?.report).toEqual(
              isLeft(decoded) ? formatValidationErrors(decoded.left) : [],
            );
          }
          const ours =
            valid &&
            payload.path === PATH &&
            subscriptionKey(PATH, payload.params) === subscriptionKey(PATH, own);
          // Ours is delivered, or fails its subscription (a timestamp that is no date); no other is.
          expect(hub.delivered.length + hub.failed.length).toBe(ours ? 1 : 0);
        },
      ),
      RUNS,
    );
  });

  it('delivers the subscription its own params, not the echoed ones', () => {
    const own = Object.freeze({ ticker: 'AAPL' });
    const hub = subscribed(own);
    const echoed = { ticker: 'AAPL' };
    hub.socket.receive('data', {
      path: PATH,
      params: echoed,
      results: [],
      timestamp: '2026-01-02T15:30:00.000Z',
    });
    expect(hub.delivered).toHaveLength(1);
    expect((hub.delivered[0] as { params: unknown }).params).toBe(own);
    hub.subscription.unsubscribe();
  });
});
