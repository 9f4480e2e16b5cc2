import { resolvePolicy } from '../../lib/lifecycle/policy';
import { createTokenCache } from '../../lib/node/token-cache';

const policy = (refreshEvery: number) => resolvePolicy('spec', { refreshEvery });

/** An unsigned JWT whose `exp` is `expSeconds`. */
const jwtExpiring = (expSeconds: number): string =>
  ['e30', Buffer.from(JSON.stringify({ exp: expSeconds })).toString('base64url'), 'sig'].join('.');

describe('createTokenCache', () => {
  it('keeps an opaque token for refreshEvery', async () => {
    let clock = 0;
    let fetched = 0;
    const fetchToken = async (): Promise<string> => `opaque-${(fetched += 1)}`;
    const cache = createTokenCache({ fetchToken, policy: policy(100), now: () => clock });
    expect(await cache.get()).toBe('opaque-1');
    clock = 99;
    expect(await cache.get()).toBe('opaque-1');
    clock = 100;
    expect(await cache.get()).toBe('opaque-2');
  });

  it('refreshes a minute before exp, but keeps a short-lived token at least a second', async () => {
    let clock = 0;
    const tokens = [jwtExpiring(120), jwtExpiring(61)];
    const fetchToken = jest.fn(async () => tokens.shift() ?? 'last');
    const cache = createTokenCache({ fetchToken, policy: policy(3_600_000), now: () => clock });
    await cache.get();
    clock = 59_999;
    await cache.get();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    clock = 60_000;
    await cache.get(); // exp 61 s: due at once by the margin, so kept for the minimum second instead
    clock = 60_999;
    await cache.get();
    expect(fetchToken).toHaveBeenCalledTimes(2);
    clock = 61_000;
    expect(await cache.get()).toBe('last');
  });

  it('does not cache a failure, even a synchronous throw', async () => {
    let calls = 0;
    const cache = createTokenCache({
      fetchToken: () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        return Promise.resolve('ok');
      },
      policy: policy(1_000),
      now: () => 0,
    });
    const [a, b] = await Promise.allSettled([cache.get(), cache.get()]);
    expect(a).toMatchObject({ status: 'rejected', reason: new Error('boom') });
    expect(b).toMatchObject({ status: 'rejected' });
    expect(calls).toBe(1);
    expect(await cache.get()).toBe('ok');
  });

  it('fails a hung upstream fetch after tokenTimeout, aborts it, and lets the next caller try again', async () => {
    const signals: AbortSignal[] = [];
    let calls = 0;
    const cache = createTokenCache({
      fetchToken: (signal) => {
        signals.push(signal);
        calls += 1;
        return calls === 1 ? new Promise<string>(() => undefined) : Promise.resolve('recovered');
      },
      policy: resolvePolicy('spec', { tokenTimeout: 50 }),
      now: () => 0,
    });
    const [a, b] = await Promise.allSettled([cache.get(), cache.get()]);
    expect(a).toMatchObject({ status: 'rejected', reason: { name: 'TokenError', code: 'timeout' } });
    expect(b).toMatchObject({ status: 'rejected', reason: { name: 'TokenError', code: 'timeout' } });
    expect(signals[0]?.aborted).toBe(true);
    expect(await cache.get()).toBe('recovered');
    expect(calls).toBe(2);
  });
});
