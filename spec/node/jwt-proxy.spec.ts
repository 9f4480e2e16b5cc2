import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstValueFrom } from 'rxjs';
import { createClient } from '../../lib/client/create-client';
import { isTokenError } from '../../lib/errors/token-error';
import { createJwtProxy, type JwtProxyHandler } from '../../lib/node/jwt-proxy';
import type { JwtProxyOptions } from '../../lib/node/jwt-proxy-options';
import { DEFAULT_API_KEY, startServer, type LocalServer, type ServerOptions } from '../../lib/server';
import { proxyToken } from '../../lib/token/proxy-token';
import { defaultTransient, isTransient } from '../../lib/lifecycle/transient';

const WRONG_KEY = 'sk_test_not_a_key_of_this_server';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: { token?: string; error?: { type: string; code?: string; message: string } };
}

const upstreams: LocalServer[] = [];
const proxies: Server[] = [];

afterEach(async () => {
  for (const proxy of proxies.splice(0)) {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  }
  await Promise.all(upstreams.splice(0).map((server) => server.close()));
});

const startUpstream = async (options: ServerOptions = {}): Promise<LocalServer> => {
  const server = await startServer({ port: 0, interval: 10, ...options });
  upstreams.push(server);
  return server;
};

/** Hosts `handler` on a node:http server on 127.0.0.1; resolves to its `/jwt` url. */
const host = async (
  handler: (request: IncomingMessage, response: ServerResponse) => unknown,
): Promise<string> => {
  const server = createServer((request, response) => void handler(request, response));
  proxies.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwt`;
};

/** A proxy in front of `upstream`; every answer is checked for the key it holds. */
const setUp = async (upstream: LocalServer, options: Partial<JwtProxyOptions> = {}) => {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const handler: JwtProxyHandler = createJwtProxy({ url: upstream.url, ...options, apiKey });
  const route = await host(handler);
  const call = async (method = 'POST', headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(route, { method, headers });
    const text = await response.text();
    const raw = `${text}\n${JSON.stringify([...response.headers])}`;
    expect(raw).not.toContain(apiKey);
    expect(raw).not.toContain(Buffer.from(`${apiKey}:`).toString('base64'));
    return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : {} };
  };
  return { route, call };
};

describe('createJwtProxy', () => {
  it('answers POST with { token }, not cacheable', async () => {
    const upstream = await startUpstream();
    const { call } = await setUp(upstream);
    const answer = await call();
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json)).toEqual(['token']);
    expect(answer.json.token?.split('.')).toHaveLength(3);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('shares one upstream request among concurrent callers, and one token until it is due', async () => {
    const upstream = await startUpstream();
    const { call } = await setUp(upstream);
    const answers = await Promise.all(Array.from({ length: 20 }, () => call()));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((answer) => answer.json.token)).size).toBe(1);
    expect(upstream.stats().tokenRequests).toBe(1);

    const later = await Promise.all([call(), call(), call()]);
    expect(later.map((answer) => answer.json.token)).toEqual(Array(3).fill(answers[0]?.json.token));
    expect(upstream.stats().tokenRequests).toBe(1);
  });

  it('fetches a fresh token once refreshEvery has passed', async () => {
    let clock = Date.now();
    const upstream = await startUpstream({ tokenTtl: 24 * HOUR });
    const { call } = await setUp(upstream, { now: () => clock });
    const first = await call();
    clock += 5 * HOUR - 1;
    expect((await call()).json.token).toBe(first.json.token);
    expect(upstream.stats().tokenRequests).toBe(1);

    clock += 1;
    const [second, alsoSecond] = await Promise.all([call(), call()]);
    expect(second?.json.token).not.toBe(first.json.token);
    expect(alsoSecond?.json.token).toBe(second?.json.token);
    expect(upstream.stats().tokenRequests).toBe(2);
  });

  it('honours a custom refreshEvery', async () => {
    let clock = 0;
    const upstream = await startUpstream({ tokenTtl: 24 * HOUR });
    const { call } = await setUp(upstream, { now: () => clock, refreshEvery: 1_000 });
    await call();
    clock = 999;
    await call();
    expect(upstream.stats().tokenRequests).toBe(1);
    clock = 1_000;
    await call();
    expect(upstream.stats().tokenRequests).toBe(2);
  });

  it('refreshes a minute before the token expires when its exp comes first', async () => {
    let clock = Date.now();
    const upstream = await startUpstream({ tokenTtl: 10 * MINUTE, clock: () => clock });
    const { call } = await setUp(upstream, { now: () => clock });
    await call();
    clock += 8 * MINUTE;
    await call();
    expect(upstream.stats().tokenRequests).toBe(1);
    clock += 90_000; // 9.5 minutes: less than a minute before exp
    await call();
    expect(upstream.stats().tokenRequests).toBe(2);
  });

  it('rejects other methods with 405 and Allow, and answers OPTIONS with 204', async () => {
    const upstream = await startUpstream();
    const { call } = await setUp(upstream);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await call(method);
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('POST, OPTIONS');
      expect(answer.json.error?.message).toMatch(new RegExp(`^${method} is not allowed`));
    }
    const options = await call('OPTIONS');
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('POST, OPTIONS');
    expect(options.text).toBe('');
    expect(upstream.stats().tokenRequests).toBe(0);
  });

  it('asks authorize(request) who may have a token: false answers 403 and calls nothing upstream', async () => {
    const upstream = await startUpstream();
    const { call } = await setUp(upstream, {
      authorize: async (request) => request.headers.cookie === 'session=ok',
    });
    const refused = await call('POST', { cookie: 'session=nope' });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toEqual({
      type: 'invalid_request_error',
      message: 'Not allowed to get a Market Prophit token',
    });
    expect(upstream.stats().tokenRequests).toBe(0);
    expect((await call('POST', { cookie: 'session=ok' })).status).toBe(200);
  });

  it('answers 500 when authorize throws, or hands the error to next() when there is one', async () => {
    const upstream = await startUpstream();
    const failure = new Error('session store down');
    const { call } = await setUp(upstream, {
      authorize: () => {
        throw failure;
      },
    });
    const answer = await call();
    expect(answer.status).toBe(500);
    expect(answer.text).not.toContain('session store down');

    const handler = createJwtProxy({
      url: upstream.url,
      apiKey: DEFAULT_API_KEY,
      authorize: () => Promise.reject(failure),
    });
    const seen: unknown[] = [];
    const route = await host((request, response) =>
      handler(request, response, (error) => {
        seen.push(error);
        response.writeHead(418).end();
      }),
    );
    expect((await fetch(route, { method: 'POST' })).status).toBe(418);
    expect(seen).toEqual([failure]);
  });

  it('answers 502 with the upstream status when upstream fails, shared by the callers of that fetch', async () => {
    const upstream = await startUpstream();
    const errors: unknown[] = [];
    const { call } = await setUp(upstream, { onUpstreamError: (error) => errors.push(error) });
    upstream.failTokenRequests(1, 503);
    const answers = await Promise.all([call(), call(), call()]);
    for (const answer of answers) {
      expect(answer.status).toBe(502);
      expect(answer.json.error).toEqual({
        type: 'api_error',
        code: 'upstream_unavailable',
        message: "Market Prophit's token endpoint failed (upstream HTTP 503)",
      });
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    expect(upstream.stats().tokenRequests).toBe(1);
    expect(errors).toHaveLength(3);
    expect(isTokenError(errors[0])).toBe(true);

    // A failure is not cached: the next caller tries again.
    expect((await call()).status).toBe(200);
    expect(upstream.stats().tokenRequests).toBe(2);
  });

  it("answers 502 telling the operator to check the server's key when upstream refuses it", async () => {
    const upstream = await startUpstream();
    const { call } = await setUp(upstream, { apiKey: WRONG_KEY });
    const answer = await call();
    expect(answer.status).toBe(502);
    expect(answer.json.error?.code).toBe('upstream_unauthorized');
    expect(answer.json.error?.message).toMatch(/HTTP 401/);
    expect(answer.json.error?.message).toMatch(/check the apiKey/);

    upstream.failTokenRequests(1, 403);
    const forbidden = await setUp(upstream);
    expect((await forbidden.call()).json.error).toMatchObject({ code: 'upstream_forbidden' });
  });

  it.each([
    ['a key upstream does not know (401)', 'unauthorized', /HTTP 401.*check the apiKey/, undefined],
    ['a key upstream refuses tokens (403)', 'forbidden', /HTTP 403.*check the key's access/, 403],
  ] as const)(
    'ends a browser client streams with a permanent TokenError for %s, not a retry loop',
    async (_, code, message, injected) => {
      // The real local server knows only DEFAULT_API_KEY; the proxy holds a wrong one, or upstream refuses.
      const upstream = await startUpstream();
      if (injected !== undefined) upstream.failTokenRequests(100, injected);
      const { route } = await setUp(upstream, injected === undefined ? { apiKey: WRONG_KEY } : {});
      const client = createClient({ url: upstream.url, token: proxyToken(route), linger: 0 });
      const states: string[] = [];
      const watching = client.state$.subscribe((state) => states.push(state));
      // Bounded: a client that keeps retrying fails here instead of hanging.
      const failure = await new Promise<unknown>((resolve, reject) => {
        const bound = setTimeout(() => {
          streaming.unsubscribe();
          resolve(new Error(`still retrying after 5 s (states: ${states.join(', ')})`));
        }, 5_000);
        const streaming = client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }).subscribe({
          next: () => reject(new Error('data with a refused key')),
          error: (error: unknown) => {
            clearTimeout(bound);
            resolve(error);
          },
        });
      });
      watching.unsubscribe();
      expect(failure).toMatchObject({ name: 'TokenError', code, status: 502 });
      expect(isTransient(defaultTransient, failure)).toBe(false);
      expect((failure as Error).message).toMatch(message);
      expect(states.at(-1)).toBe('failed');
      // One request: a permanent failure is not retried.
      expect(upstream.stats().tokenRequests).toBe(1);
    },
  );

  it('answers 502 when upstream cannot be reached or answers without a token', async () => {
    const upstream = await startUpstream();
    const url = upstream.url;
    await upstream.close();
    const unreachable = await setUp(upstream, { url });
    expect((await unreachable.call()).json.error?.message).toBe(
      "Could not reach Market Prophit's token endpoint",
    );

    const noToken = await setUp(upstream, {
      fetch: async () => new Response('{"jwt":"x"}', { status: 200 }),
    });
    const answer = await noToken.call();
    expect(answer.status).toBe(502);
    expect(answer.json.error?.message).toBe("Market Prophit's token endpoint answered without a token");
  });

  it('serves tokens a client can connect with through proxyToken', async () => {
    const upstream = await startUpstream();
    const { route } = await setUp(upstream);
    const client = createClient({ url: upstream.url, token: proxyToken(route), linger: 0 });
    const event = await firstValueFrom(client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }));
    expect(event.path).toBe('/real-time/tweet-volume');
    expect(upstream.stats().tokenRequests).toBe(1);
  });

  it('checks its options when created, without echoing the key', () => {
    const create = (options: unknown) => () => createJwtProxy(options as JwtProxyOptions);
    expect(create(undefined)).toThrow(TypeError);
    expect(create({})).toThrow(/apiKey/);
    expect(create({ apiKey: '' })).toThrow(TypeError);
    expect(create({ apiKey: DEFAULT_API_KEY, url: 'not a url' })).toThrow(/url/);
    expect(create({ apiKey: DEFAULT_API_KEY, refreshEvery: 0 })).toThrow(RangeError);
    expect(create({ apiKey: DEFAULT_API_KEY, authorize: true })).toThrow(/authorize/);
    let message = '';
    try {
      createJwtProxy({ apiKey: DEFAULT_API_KEY, url: 'nope' });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/`url` must be an absolute URL, got nope/);
    expect(message).not.toContain(DEFAULT_API_KEY);
  });
});
