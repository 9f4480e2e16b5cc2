// The error guards match by the library's mark and the class's name, never by `instanceof`: an app
// may hold two copies of the package (two versions, or its ESM and CommonJS builds side by side), and
// an error of the other copy must be told apart, and retried or not, exactly as one of this copy.
import { firstValueFrom } from 'rxjs';
import { createClient } from '../../lib/client/create-client';
import * as errors from '../../lib/errors';
import type * as overflowError from '../../lib/node/overflow-error';
import { StreamOverflowError, isStreamOverflowError } from '../../lib/node/overflow-error';
import { defaultTransient, isTransient } from '../../lib/lifecycle/transient';

type Errors = typeof errors;
type Overflow = typeof overflowError;

/** A second copy of the error modules: new classes, as a second install of the package has. */
const secondCopy = (): Errors & Overflow => {
  let copy: (Errors & Overflow) | undefined;
  jest.isolateModules(() => {
    copy = {
      ...(jest.requireActual('../../lib/errors') as Errors),
      ...(jest.requireActual('../../lib/node/overflow-error') as Overflow),
    };
  });
  return copy!;
};

const other = secondCopy();

const samples = (lib: Errors & Overflow) => ({
  TokenError: new lib.TokenError('unauthorized', 'refused', 401),
  SubscribeError: new lib.SubscribeError('rejected', 'refused', '/real-time/crowd-sentiment', {}),
  DecodeError: new lib.DecodeError('invalid_payload', ['x'], {}),
  HistoryError: new lib.HistoryError('not_found', 'gone', '/historical/x', 404),
  ConnectionError: new lib.ConnectionError('disconnected', 'hung up'),
  StreamOverflowError: new lib.StreamOverflowError(16),
});

const guards = {
  TokenError: errors.isTokenError,
  SubscribeError: errors.isSubscribeError,
  DecodeError: errors.isDecodeError,
  HistoryError: errors.isHistoryError,
  ConnectionError: errors.isConnectionError,
  StreamOverflowError: isStreamOverflowError,
} as const;

describe('error guards across two copies of the package', () => {
  it('the second copy really has classes of its own', () => {
    expect(other.TokenError).not.toBe(errors.TokenError);
    expect(other.StreamOverflowError).not.toBe(StreamOverflowError);
    expect(new other.TokenError('network', 'x')).not.toBeInstanceOf(errors.MarketProphitError);
  });

  describe.each([
    ['this copy', samples({ ...errors, StreamOverflowError, isStreamOverflowError } as Errors & Overflow)],
    ['the other copy', samples(other)],
  ])('errors of %s', (_copy, made) => {
    it.each(Object.keys(guards) as (keyof typeof guards)[])(
      '%s: its own guard says yes, every other no',
      (name) => {
        for (const [guardName, guard] of Object.entries(guards)) {
          expect([guardName, guard(made[name])]).toEqual([guardName, guardName === name]);
        }
        expect(errors.isMarketProphitError(made[name])).toBe(true);
      },
    );
  });

  it("the other copy's guards know this copy's errors", () => {
    expect(other.isTokenError(new errors.TokenError('network', 'x'))).toBe(true);
    expect(other.isMarketProphitError(new errors.SubscribeError('ack_timeout', 'x', '/p', {}))).toBe(true);
    expect(other.isSubscribeError(new errors.TokenError('network', 'x'))).toBe(false);
  });

  it.each<[string, unknown]>([
    [
      'an Error that only takes the name',
      Object.assign(new Error('x'), { name: 'TokenError', code: 'network' }),
    ],
    ['a plain object', { name: 'TokenError', code: 'network', message: 'x' }],
    ['a string', 'TokenError'],
    ['null', null],
    ['undefined', undefined],
  ])('%s is not one of ours', (_what, value) => {
    expect(errors.isMarketProphitError(value)).toBe(false);
    expect(errors.isTokenError(value)).toBe(false);
    // The retry table agrees with the guards: a foreign value reads the `other` row, never a TokenError row.
    const table = {
      ...defaultTransient,
      other: false,
      TokenError: { ...defaultTransient.TokenError, network: true },
    };
    expect(isTransient(table, value)).toBe(false);
  });

  /** A client whose token source is `token`; its retries (were the error taken as transient) run at once. */
  const clientWith = (token: () => string) =>
    createClient({ url: 'http://127.0.0.1:9', token, policy: { retryWait: () => 0, retryAttempts: 3 } });

  it("the client gives up at once on the other copy's TokenError('unauthorized'): no retry", async () => {
    let requests = 0;
    const client = clientWith(() => {
      requests++;
      throw new other.TokenError('unauthorized', 'refused by the other copy', 401);
    });
    try {
      const error: unknown = await firstValueFrom(client.token$).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(errors.isTokenError(error) && error.code).toBe('unauthorized');
      expect(requests).toBe(1);
      expect(await firstValueFrom(client.state$)).toBe('failed');
    } finally {
      client.close();
    }
  });

  it("the client retries the other copy's transient TokenError('network')", async () => {
    let requests = 0;
    const client = clientWith(() => {
      requests++;
      if (requests < 3) throw new other.TokenError('network', 'no answer');
      return 'a.b.c';
    });
    try {
      expect(await firstValueFrom(client.token$)).toBe('a.b.c');
      expect(requests).toBe(3);
    } finally {
      client.close();
    }
  });
});
