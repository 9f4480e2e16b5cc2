import fc from 'fast-check';
import { realTimeSpecs } from '../../lib/endpoints/real-time-specs';
import { parseRequest, parseSubscription } from '../../lib/front/subscription-request';
import type { LocalServer } from '../../lib/server';
import { connected, getToken, nextEvent } from '../server/helpers';
import { harness } from '../support/harness';
import type { Socket } from 'socket.io-client';

const paths = Object.keys(realTimeSpecs);

/** Options shaped like a request often enough to reach the deeper checks, and arbitrary JSON otherwise. */
const options = fc.oneof(
  fc.jsonValue(),
  fc.record({
    path: fc.oneof(fc.constantFrom(...paths), fc.string(), fc.jsonValue()),
    params: fc.oneof(
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.record({ ticker: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_]{0,22}$/), fc.jsonValue()) }),
      fc.jsonValue(),
    ),
  }),
);

/** JSON nested far deeper than any recursion on it could survive, built without recursion. */
const deep = fc.integer({ min: 1_000, max: 100_000 }).map((depth) => {
  let value: unknown = 'AAPL';
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { ticker: value };
  return value;
});

describe('the server subscribe handler on arbitrary JSON', () => {
  it('parses anything into a value or an error message, never throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          { arbitrary: options, weight: 20 },
          deep.map((params) => ({ path: paths[0], params })),
        ),
        (input) => {
          const parsed = parseSubscription(input, undefined);
          expect(parsed.ok ? typeof parsed.value.key : typeof parsed.error).toBe('string');
          const request = parseRequest('unsubscribe', input);
          expect(request.ok ? typeof request.value.key : typeof request.error).toBe('string');
        },
      ),
      { numRuns: 1000 },
    );
  });

  describe('over a real socket', () => {
    const h = harness({ interval: 20 });
    let server: LocalServer;
    let socket: Socket;
    beforeAll(async () => {
      server = await h.start({ maxCallsPerSecond: 100_000 });
      socket = await connected(h.connect(server.url, await getToken(server), { reconnection: false }));
    });
    afterAll(() => h.cleanUp());

    it('acks every call with null or a message, and stays up', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('subscribe', 'unsubscribe'), options, async (event, input) => {
          const answer = await socket.timeout(2000).emitWithAck(event, input);
          expect(answer === null || typeof answer === 'string').toBe(true);
        }),
        { numRuns: 300 },
      );
      expect(socket.connected).toBe(true);
      const bystander = await connected(h.connect(server.url, await getToken(server)));
      bystander.emit('subscribe', { path: '/real-time/crowd-sentiment', params: {} });
      await nextEvent(bystander, 'data');
    });
  });
});
