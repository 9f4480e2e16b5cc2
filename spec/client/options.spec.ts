import { createClient } from '../../lib/client/create-client';
import type { ClientOptions } from '../../lib/client/options';

describe('createClient options', () => {
  it.each([
    [{}, /needs `apiKey` \(server side\) or `token`/],
    [{ apiKey: '' }, /needs `apiKey`.* \(`apiKey` is "": is MARKETPROPHIT_API_KEY set\?\)/],
    // `apiKey: process.env.UNSET`: the message says what the value was
    [{ apiKey: undefined }, /needs `apiKey`.* \(`apiKey` is undefined: is MARKETPROPHIT_API_KEY set\?\)/],
    [{ apiKey: 'sk_test_x', token: (): string => 't' }, /either `apiKey` or `token`, not both/],
    [{ token: (): string => 't', refreshEvery: 0 }, /`refreshEvery` must be a positive number/],
    [{ token: (): string => 't', ackTimeout: -1 }, /`ackTimeout` must be a positive number/],
  ])('refuses %p', (options, message) => {
    // The options type refuses the first three too (spec/types); these are the run-time checks for
    // callers without types.
    expect(() => createClient(options as ClientOptions)).toThrow(message);
  });

  it('refuses a secret key in a browser', () => {
    const globals = globalThis as { document?: unknown };
    globals.document = {};
    try {
      expect(() => createClient({ apiKey: 'sk_test_x' })).toThrow(/must not reach a browser/);
    } finally {
      delete globals.document;
    }
  });

  it('opens nothing until subscribed', () => {
    const client = createClient({ apiKey: 'sk_test_x', url: 'http://127.0.0.1:9' });
    expect(client).toMatchObject({ subscribe$: expect.any(Function), history$: expect.any(Function) });
  });
});
