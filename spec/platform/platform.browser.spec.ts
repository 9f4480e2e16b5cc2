import { apiKeySource, defaultFetch, networkReason } from '../../lib/platform/platform.browser';
import {
  apiKeySource as nodeApiKeySource,
  networkReason as nodeNetworkReason,
} from '../../lib/platform/platform.node';

// What browsers resolve `#platform` to (package.json `imports`, every condition but `node`).
describe('the browser platform', () => {
  it('refuses every `apiKey`, naming proxyToken (browsers never hold the secret key)', () => {
    // With an `apiKey`, and with neither `apiKey` nor `token` (createClient asks only then).
    expect(() => apiKeySource()).toThrow(
      new TypeError(
        'createClient: browsers take `token: proxyToken(route)`, never `apiKey`: serve tokens from your server (createJwtProxy)',
      ),
    );
    // The Node build fetches tokens with the key.
    expect(typeof nodeApiKeySource({ apiKey: 'sk_test_x' }, 'https://example.test')).toBe('function');
  });

  it('calls the global fetch, looked up at each call, and has no cross-fetch fallback', async () => {
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = ((input: string) => {
      seen.push(input);
      return Promise.resolve(new Response('hello'));
    }) as typeof fetch;
    try {
      expect(await (await defaultFetch('https://example.test/a')).text()).toBe('hello');
      delete (globalThis as { fetch?: unknown }).fetch;
      await expect(defaultFetch('https://example.test/b')).rejects.toThrow(
        new TypeError('No global fetch here: pass `fetch`'),
      );
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual(['https://example.test/a']);
  });

  it("reads a failed request's reason from its message alone (a browser's fetch gives no cause)", () => {
    expect(networkReason(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(networkReason('offline')).toBe('offline');
    // Node's native fetch holds the system's reason in `cause`: the Node build reads it there.
    const nodeFailure = new TypeError('fetch failed', {
      cause: new Error('connect ECONNREFUSED 127.0.0.1:9'),
    });
    expect(nodeNetworkReason(nodeFailure)).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(networkReason(nodeFailure)).toBe('fetch failed');
  });
});
