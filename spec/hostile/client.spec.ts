import * as t from 'io-ts';
import type { Observable } from 'rxjs';
import type { MarketProphitClient } from '../../lib/client/create-client';
import { customEndpoint } from '../../lib/endpoints/custom-endpoint';
import { recordListCodec } from '../../lib/endpoints/record-codec';
import { DecodeError } from '../../lib/errors/decode-error';
import { SubscribeError } from '../../lib/errors/subscribe-error';
import type { LocalServer } from '../../lib/server';
import { MAX_DEPTH } from '../../lib/util/limits';
import { AAPL, CROWD, TSLA } from '../integration/support';
import { errorOf, harness, logged } from '../support/harness';
import { until } from '../support/wait';
import { startHostileUpstream, type AckAnswer, type HostileUpstream } from './hostile-upstream';
import { digitsThenLetter, nestedObject, nestedObjectJson } from './inputs';

const record = (fields: Record<string, unknown> = {}) => ({
  ts: '2026-01-01T00:00:00.000Z',
  ticker: 'AAPL',
  crowd_sentiment: '0.25',
  ...fields,
});
const envelope = (fields: Record<string, unknown>) => ({
  path: CROWD,
  params: AAPL,
  timestamp: '2100-01-01T00:00:00.000Z',
  results: [record()],
  ...fields,
});

/** What one subscription has seen so far. */
interface Watched {
  readonly events: { readonly params: unknown; readonly results: unknown }[];
  readonly errors: unknown[];
}

describe('hostile input, client side', () => {
  const h = harness();
  const upstreams: HostileUpstream[] = [];
  afterEach(async () => {
    await h.cleanUp();
    await Promise.all(upstreams.splice(0).map((upstream) => upstream.close()));
  });

  const watch = <T extends { readonly params: unknown; readonly results: unknown }>(
    source$: Observable<T>,
  ): Watched => {
    const watched: Watched = { events: [], errors: [] };
    h.track(
      source$.subscribe({
        next: (event) => watched.events.push(event),
        error: (e) => watched.errors.push(e),
      }),
    );
    return watched;
  };
  const unroutableOf = (client: MarketProphitClient): DecodeError[] => {
    const errors: DecodeError[] = [];
    h.track(client.unroutable$.subscribe((error) => errors.push(error)));
    return errors;
  };

  /** A and B on the local server, both receiving. */
  const twoSubscriptions = async () => {
    const server = await h.start();
    const client = h.client(server);
    const unroutable = unroutableOf(client);
    const a = watch(client.subscribe$(CROWD, AAPL));
    const b = watch(client.subscribe$(CROWD, TSLA));
    await until('data on both', () => a.events.length > 0 && b.events.length > 0);
    return { server, client, unroutable, a, b };
  };

  /** B keeps receiving: `count` more events after now. */
  const keepsReceiving = (b: Watched, count = 5) => {
    const from = b.events.length;
    return until(`${count} more events on B`, () => b.events.length >= from + count);
  };

  describe('on the local server, over its socket', () => {
    it.each([
      ['a 40,000-digit field ending in a letter', digitsThenLetter(40_000)],
      ['a 400 KB digit run', digitsThenLetter(400_000)],
    ])('%s fails only its own subscription, with a DecodeError naming the length', async (_, field) => {
      const { server, unroutable, a, b } = await twoSubscriptions();
      server.injectRaw(envelope({ results: [record({ crowd_sentiment: field })] }));
      await until('A failed', () => a.errors.length > 0);
      expect(a.errors).toEqual([expect.any(DecodeError)]);
      const error = a.errors[0] as DecodeError;
      expect(error).toMatchObject({ code: 'invalid_payload', path: CROWD, params: AAPL });
      expect(error.report).toEqual([
        expect.stringContaining(
          `supplied to results/0/crowd_sentiment: DecimalFromString (a string of ${field.length} characters; at most 100 are read)`,
        ),
      ]);
      await keepsReceiving(b);
      expect(b.errors).toEqual([]);
      expect(unroutable).toEqual([]);
    });

    // 4,000 levels: about the deepest the local server's own JSON.stringify can send.
    it('params nested 4,000 deep are unroutable; results nested 4,000 deep fail their subscription', async () => {
      const { server, unroutable, a, b } = await twoSubscriptions();
      server.injectRaw(envelope({ params: nestedObject(4_000) }));
      await until('the unroutable payload', () => unroutable.length > 0);
      expect(unroutable[0]).toBeInstanceOf(DecodeError);
      expect(unroutable[0]?.report).toEqual([
        `params${'/a'.repeat(MAX_DEPTH)} is nested deeper than ${MAX_DEPTH} levels`,
      ]);
      expect(a.errors).toEqual([]);

      server.injectRaw(envelope({ results: nestedObject(4_000) }));
      await until('A failed', () => a.errors.length > 0);
      expect(a.errors[0]).toMatchObject({ name: 'DecodeError', code: 'invalid_payload', path: CROWD });
      await keepsReceiving(b);
      expect(b.errors).toEqual([]);
    });

    it('refuses Date, Map and class-instance params before sending anything', async () => {
      const server = await h.start();
      const client = h.client(server);
      class Params {
        readonly ticker = 'AAPL';
      }
      const cases: [unknown, string][] = [
        [new Date(0), 'params must be a plain object ({ key: value }), got a Date'],
        [new Map([['ticker', 'AAPL']]), 'params must be a plain object ({ key: value }), got a Map'],
        [new Params(), 'params must be a plain object ({ key: value }), got a Params'],
        [{ ticker: new Date(0) }, 'params/ticker must be a string, a finite number'],
      ];
      for (const [params, problem] of cases) {
        const error = await errorOf(client.subscribe$(CROWD, params as never));
        expect(error).toBeInstanceOf(SubscribeError);
        expect(error).toMatchObject({ code: 'invalid_params', params });
        expect((error as SubscribeError).message).toContain(problem);
      }
      // Custom endpoints too: Dates would all have had the key of `{}`.
      const custom = customEndpoint(
        '/real-time/crowd-sentiment',
        recordListCodec({ ts: { kind: 'timestamp' } }),
      );
      for (const at of [new Date(0), new Date(1)]) {
        const error = await errorOf(client.subscribe$(custom, { ticker: 'AAPL', since: at }));
        expect(error).toMatchObject({ name: 'SubscribeError', code: 'invalid_params' });
        expect((error as Error).message).toContain(
          'params/since must be a string, a finite number, a boolean, null, an array or a plain object, got a Date',
        );
      }
      expect(logged(server, 'subscribe')).toEqual([]);
    });

    it('sends and routes the params as they were at subscribe$, however the caller mutates them', async () => {
      const server = await h.start();
      const client = h.client(server);
      const params: { ticker: string; extra?: unknown } = { ticker: 'AAPL' };
      const a = watch(client.subscribe$(CROWD, params as { ticker: string }));
      await until('data', () => a.events.length > 0);
      const event = a.events[0] as { params: unknown };
      expect(event.params).toEqual({ ticker: 'AAPL' });
      expect(event.params).not.toBe(params);
      expect(Object.isFrozen(event.params)).toBe(true);

      params.ticker = 'not a ticker';
      params.extra = new Map();
      const subscribesBefore = logged(server, 'subscribe').length;
      server.dropAllSockets();
      await until('subscribed again', () => logged(server, 'subscribe').length > subscribesBefore);
      const received = a.events.length;
      await until('data after the reconnect', () => a.events.length >= received + 3);
      const resent = logged(server, 'subscribe').slice(subscribesBefore);
      expect(resent.map((entry) => entry.options)).toEqual([{ path: CROWD, params: { ticker: 'AAPL' } }]);
      expect(a.errors).toEqual([]);
      expect(
        a.events.every((e) => (e.results as { ticker: string }[]).every((r) => r.ticker === 'AAPL')),
      ).toBe(true);
    });
  });

  describe('from a hostile upstream, over a real socket', () => {
    const upstream = async (answer?: AckAnswer) => {
      const server = await startHostileUpstream(answer);
      upstreams.push(server);
      const client = h.client(server as unknown as LocalServer, { apiKey: undefined, token: () => 'any' });
      return { server, client };
    };

    it('a 180 KB payload nested 30,000 deep: unroutable as params, a DecodeError for its subscription as results', async () => {
      const { server, client } = await upstream();
      const unroutable = unroutableOf(client);
      const a = watch(client.subscribe$(CROWD, AAPL));
      const b = watch(client.subscribe$(CROWD, TSLA));
      const tree = customEndpoint(
        '/real-time/tree',
        t.recursion<Tree>('Tree', (self) => t.union([t.number, t.array(self), t.record(t.string, self)])),
      );
      const c = watch(client.subscribe$(tree, {}));
      await until('three subscriptions', () => server.subscribed.length === 3);
      const publishToB = () =>
        server.publish(envelope({ params: TSLA, results: [record({ ticker: 'TSLA' })] }));
      publishToB();
      await until('B receiving', () => b.events.length === 1);

      const deep = nestedObjectJson(30_000);
      expect(deep.length).toBeGreaterThan(180_000);
      const stamp = '"timestamp":"2100-01-01T00:00:00.000Z"';
      server.sendRawData(`{"path":"${CROWD}","params":${deep},"results":[],${stamp}}`);
      server.sendRawData(`{"path":"${CROWD}","params":{"ticker":"AAPL"},"results":${deep},${stamp}}`);
      server.sendRawData(`{"path":"/real-time/tree","params":{},"results":${deep},${stamp}}`);
      publishToB();

      await until(
        'both failures and the unroutable payload',
        () => a.errors.length > 0 && c.errors.length > 0 && unroutable.length > 0,
      );
      expect(unroutable).toHaveLength(1);
      expect(unroutable[0]?.report).toEqual([
        `params${'/a'.repeat(MAX_DEPTH)} is nested deeper than ${MAX_DEPTH} levels`,
      ]);
      expect(a.errors[0]).toMatchObject({ name: 'DecodeError', code: 'invalid_payload', path: CROWD });
      expect((a.errors[0] as DecodeError).message.length).toBeLessThan(400);
      expect(c.errors[0]).toMatchObject({
        name: 'DecodeError',
        code: 'invalid_payload',
        path: '/real-time/tree',
      });
      expect((c.errors[0] as DecodeError).report).toEqual([
        `results are nested deeper than ${MAX_DEPTH} levels: not decoded`,
      ]);
      await until('B received after the attack', () => b.events.length === 2);
      expect(b.errors).toEqual([]);
    });

    it.each([
      [{ message: 'Quota exceeded' }, 'Quota exceeded'],
      [{ code: 42, reason: 'busy' }, '{"code":42,"reason":"busy"}'],
      ['Unknown ticker', 'Unknown ticker'],
    ])('an ack error %p is reported as %p, in serverMessage as it is', async (ackError, serverMessage) => {
      const { client } = await upstream((options) =>
        (options.params as { ticker?: string }).ticker === 'AAPL' ? ackError : null,
      );
      const error = await errorOf(client.subscribe$(CROWD, AAPL));
      expect(error).toBeInstanceOf(SubscribeError);
      expect(error).toMatchObject({
        code: 'rejected',
        message: `The server refused /real-time/crowd-sentiment: ${serverMessage}`,
        serverMessage,
      });
    });
  });
});

/** A custom endpoint's codec that recurses with the data. */
type Tree = number | Tree[] | { [key: string]: Tree };
