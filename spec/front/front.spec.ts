import { type Front, startFront } from '../../lib/front/front';
import { resolveLimits } from '../../lib/front/limits';
import { createTokenAuthority } from '../../lib/front/token-authority';
import { harness } from '../support/harness';
import { ack, connected } from '../server/helpers';

const API_KEY = 'sk_test_front';
const PATH = '/real-time/crowd-sentiment';

/**
 * The protocol front with a source and a historical route that throw something that is no Error (a
 * plugged-in source or route may): each failure is answered with a readable reason, never
 * `[object Object]` or `unknown`.
 */
describe('the protocol front, when its source or a route throws a non-Error', () => {
  const h = harness();
  let front: Front;
  const authority = createTokenAuthority({
    secret: 'front-spec',
    tokenTtl: 60_000,
    clock: Date.now,
    apiKeys: new Map([[API_KEY, undefined]]),
  });

  beforeAll(async () => {
    front = await startFront({
      port: 0,
      host: '127.0.0.1',
      authority,
      issue: () => ({ ok: true, keyId: 'key', token: authority.issue(API_KEY) }),
      historical: () => {
        throw { code: 42 };
      },
      limits: resolveLimits({}),
      origins: '*',
      source: () => ({
        start: () => {
          throw { code: 42 };
        },
        stop: () => undefined,
      }),
    });
  });
  afterAll(async () => {
    await h.cleanUp();
    await front.close();
  });

  it('acks a subscribe whose source start throws { code: 42 } with that object as JSON', async () => {
    const socket = await connected(h.connect(front.url, authority.issue(API_KEY)));
    expect(await ack(socket, 'subscribe', { path: PATH, params: { ticker: 'AAPL' } })).toBe(
      'Source failed: {"code":42}',
    );
  });

  it('answers 500 with that object as JSON when a route throws { code: 42 }', async () => {
    const answer = await fetch(`${front.url}/historical/crowd-sentiment`);
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({
      error: { type: 'api_error', message: 'Internal error: {"code":42}' },
    });
  });
});
