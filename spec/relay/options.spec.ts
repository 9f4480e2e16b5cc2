// startRelay's one options resolver: every default and every check, before anything connects.
import { DEFAULT_LIMITS } from '../../lib/front/limits';
import { type RelayOptions, resolveRelayOptions } from '../../lib/relay/options';

const upstream = { url: 'http://127.0.0.1:9', apiKey: 'sk_test_relay' };
const resolve = (options: Partial<RelayOptions> & Record<string, unknown>) => () =>
  resolveRelayOptions({ upstream, ...options } as RelayOptions);

describe('resolveRelayOptions', () => {
  it('applies the defaults', () => {
    const resolved = resolveRelayOptions({ upstream });
    expect(resolved).toMatchObject({
      upstream,
      port: 0,
      host: '127.0.0.1',
      entitleTimeout: 2000,
      tokenTtl: 3_600_000,
      leaseTtl: 3000,
      linger: 1000,
      standby: 0,
      origins: [],
      limits: DEFAULT_LIMITS,
    });
    expect(Buffer.byteLength(resolved.secret)).toBeGreaterThanOrEqual(32);
    expect(resolveRelayOptions({ upstream }).secret).not.toBe(resolved.secret);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no upstream', { upstream: undefined }, /^startRelay: needs options/],
    ['a port out of range', { port: 65_536 }, /^startRelay: port must be a TCP port/],
    ['a port that is not whole', { port: 80.5 }, /^startRelay: port/],
    ['a short secret', { secret: 'short' }, /^startRelay: the secret must have at least 32 bytes/],
    ['tokenTtl 0', { tokenTtl: 0 }, /^startRelay: tokenTtl must be a positive number/],
    ['leaseTtl NaN', { leaseTtl: Number.NaN }, /^startRelay: leaseTtl/],
    ['entitleTimeout -1', { entitleTimeout: -1 }, /^startRelay: entitleTimeout/],
    ['linger -1', { linger: -1 }, /^startRelay: linger must be 0 or more/],
    ['authorize not a function', { authorize: true }, /^startRelay: authorize must be a function/],
    ['onProblem not a function', { onProblem: 'log' }, /^startRelay: onProblem must be a function/],
    ['origins with a path', { origins: ['https://a.example/app'] }, /^startRelay: origins must be origins/],
    ['a bad trustProxy', { trustProxy: -1 }, /^startRelay: trustProxy/],
    ['a limit of 0', { maxTopics: 0 }, /maxTopics must be a whole number >= 1/],
    ['standby 2', { redis: 'redis://127.0.0.1:9', standby: 2 }, /^startRelay: standby must be 0 or 1/],
    ['standby without redis', { standby: 1 }, /^startRelay: standby needs redis/],
  ])('refuses %s', (_what, options, message) => {
    expect(resolve(options)).toThrow(message);
  });

  it('refuses standby without redis with a TypeError, a standby count out of range with a RangeError', () => {
    expect(resolve({ standby: 1 })).toThrow(TypeError);
    const twoStandbys: Record<string, unknown> = { redis: 'redis://127.0.0.1:9', standby: 2 };
    expect(resolve(twoStandbys)).toThrow(RangeError);
    expect(resolveRelayOptions({ upstream, redis: 'redis://127.0.0.1:9', standby: 1 }).standby).toBe(1);
  });

  it('takes linger 0 and the hooks it is given', () => {
    const onProblem = jest.fn();
    expect(resolveRelayOptions({ upstream, linger: 0, onProblem })).toMatchObject({ linger: 0, onProblem });
  });
});
