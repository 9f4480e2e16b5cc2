import type { Socket } from 'socket.io-client';
import { isSubscribeError } from '../../lib';
import { startRelay, type Relay, type RelayOptions, type RelayProblem } from '../../lib/relay';
import type { LocalServer } from '../../lib/server';
import { ack, collect, connected, type DataEvent, nextEvent } from '../server/helpers';
import { clientOptions } from '../support/client-options';
import { harness, logged } from '../support/harness';
import { delay, until } from '../support/wait';

const PATH = '/real-time/crowd-sentiment';

/** What the specs' authorize puts in a token: who, and the tickers their plan covers. */
interface Plan {
  readonly sub: string;
  readonly tickers: readonly string[];
}

const PLANS: Readonly<Record<string, readonly string[]>> = {
  alice: ['AAPL'],
  bob: ['AAPL', 'MSFT'],
};

/** Signed in by an `x-user` header (a test stand-in for a session cookie); the plan from `plans`. */
const signedIn =
  (plans: Readonly<Record<string, readonly string[]>> = PLANS) =>
  (request: { headers: Record<string, string | string[] | undefined> }): Plan | false => {
    const user = request.headers['x-user'];
    const tickers = typeof user === 'string' ? plans[user] : undefined;
    return tickers === undefined || typeof user !== 'string' ? false : { sub: user, tickers };
  };

const byPlan = (claims: Plan | undefined, topic: { params: { ticker?: string } }) => {
  const { ticker } = topic.params;
  if (ticker !== undefined && claims?.tickers.includes(ticker) === true) return true;
  return { refuse: `Your plan does not include ${ticker ?? 'every ticker'}` };
};

describe('relay access control', () => {
  const h = harness({ interval: 20 });
  const relays: Relay[] = [];
  let upstream: LocalServer;

  const start = async <Claims extends object>(options: Partial<RelayOptions<Claims>> = {}) => {
    upstream = await h.start();
    const relay = await startRelay<Claims>({
      upstream: clientOptions({ url: upstream.url }),
      linger: 100,
      ...options,
    });
    relays.push(relay);
    return relay;
  };
  const postJwt = (relay: Relay, headers: Record<string, string> = {}) =>
    fetch(`${relay.url}/jwt`, { method: 'POST', headers });
  const tokenFor = async (relay: Relay, user: string): Promise<string> => {
    const response = await postJwt(relay, { 'x-user': user });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };
  const errorMessage = async (response: Response): Promise<string> =>
    ((await response.json()) as { error: { message: string } }).error.message;

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
    await h.cleanUp();
  });

  describe('the default authorize behind a proxy', () => {
    it.each([
      ['X-Forwarded-For', '203.0.113.9'],
      ['Forwarded', 'for=203.0.113.9;proto=https'],
      ['X-Real-IP', '203.0.113.9'],
      ['X-Forwarded-Proto', 'https'],
    ])('refuses a loopback request that carries %s, saying what to set', async (name, value) => {
      const relay = await start();
      const refused = await postJwt(relay, { [name]: value });
      expect(refused.status).toBe(401);
      const message = await errorMessage(refused);
      expect(message).toContain(`it carries ${name.toLowerCase()}`);
      expect(message).toContain('set trustProxy');
      expect((await postJwt(relay)).status).toBe(200);
    });

    it('with trustProxy, gives tokens to loopback callers behind the trusted hops only', async () => {
      const relay = await start({ trustProxy: ['loopback'] });
      const status = async (headers: Record<string, string>) => (await postJwt(relay, headers)).status;
      expect(await status({ 'X-Forwarded-For': '127.0.0.1' })).toBe(200);
      expect(await status({ 'X-Forwarded-For': '::1, 127.0.0.1' })).toBe(200);
      expect(await status({ 'X-Forwarded-For': '203.0.113.9' })).toBe(401);
      // What the caller wrote itself is left of what the proxy appended: the nearest untrusted hop wins.
      expect(await status({ 'X-Forwarded-For': '127.0.0.1, 203.0.113.9' })).toBe(401);
      expect(await status({ 'X-Forwarded-For': 'garbage' })).toBe(401);
      expect(await status({})).toBe(200);
      // A proxy that writes another header than the one trustProxy reads is not taken for the caller.
      const other = await postJwt(relay, { Forwarded: 'for=203.0.113.9' });
      expect([other.status, await errorMessage(other)]).toEqual([
        401,
        expect.stringContaining('trustProxy reads x-forwarded-for'),
      ]);
    });

    it('counts hops and reads the header it is told to', async () => {
      const byCount = await start({ trustProxy: 1 });
      expect((await postJwt(byCount, { 'X-Forwarded-For': '203.0.113.9, 127.0.0.1' })).status).toBe(200);
      expect((await postJwt(byCount, { 'X-Forwarded-For': '127.0.0.1, 203.0.113.9' })).status).toBe(401);
      const forwarded = await start({ trustProxy: { hops: 1, header: 'forwarded' } });
      expect((await postJwt(forwarded, { Forwarded: 'for="[::1]:4711"' })).status).toBe(200);
      expect((await postJwt(forwarded, { Forwarded: 'for=203.0.113.9' })).status).toBe(401);
    });

    it("gives a custom authorize the caller's address through the trusted hops", async () => {
      const seen: (string | undefined)[] = [];
      const relay = await start({
        trustProxy: 1,
        authorize: (_, { address }) => {
          seen.push(address);
          return true;
        },
      });
      await postJwt(relay, { 'X-Forwarded-For': '198.51.100.7, 203.0.113.9' });
      await postJwt(relay);
      expect(seen).toEqual(['203.0.113.9', '127.0.0.1']);
    });

    it('refuses a malformed trustProxy at start', async () => {
      upstream = await h.start();
      for (const trustProxy of [-1, 1.5, ['10.0.0.0/33'], ['example.com'], { hops: 1, header: 'via' }]) {
        await expect(
          startRelay({ upstream: clientOptions({ url: upstream.url }), trustProxy: trustProxy as never }),
        ).rejects.toThrow(/trustProxy/);
      }
    });
  });

  describe('CORS', () => {
    const polling = (relay: Pick<Relay, 'url'>, origin: string) =>
      fetch(`${relay.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: origin } });
    const corsOf = (response: Response) => [
      response.headers.get('access-control-allow-origin'),
      response.headers.get('vary'),
    ];

    it('answers same-origin only by default: no Access-Control-Allow-Origin on /jwt or socket.io', async () => {
      const relay = await start();
      const jwt = await postJwt(relay, { Origin: 'https://evil.example' });
      expect(jwt.status).toBe(200);
      expect(corsOf(jwt)).toEqual([null, 'Origin']);
      const io = await polling(relay, 'https://evil.example');
      expect(io.status).toBe(200);
      expect(io.headers.get('access-control-allow-origin')).toBeNull();
      await io.text();
    });

    it('echoes a listed origin, with Vary: Origin, and nothing for the others', async () => {
      const relay = await start({ origins: ['https://app.example.com'] });
      expect(corsOf(await postJwt(relay, { Origin: 'https://app.example.com' }))).toEqual([
        'https://app.example.com',
        'Origin',
      ]);
      expect(corsOf(await postJwt(relay, { Origin: 'https://evil.example' }))).toEqual([null, 'Origin']);
      const preflight = await fetch(`${relay.url}/jwt`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST' },
      });
      expect([preflight.status, ...corsOf(preflight)]).toEqual([204, 'https://app.example.com', 'Origin']);
      const listed = await polling(relay, 'https://app.example.com');
      expect(corsOf(listed)).toEqual(['https://app.example.com', 'Origin']);
      await listed.text();
      const other = await polling(relay, 'https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      await other.text();
    });

    it("keeps the local server's permissive CORS (a development server)", async () => {
      const server = await h.start();
      const jwt = await fetch(`${server.url}/jwt`, {
        method: 'POST',
        headers: { Origin: 'https://x.example' },
      });
      expect(jwt.headers.get('access-control-allow-origin')).toBe('*');
      const io = await polling(server, 'https://x.example');
      expect(io.headers.get('access-control-allow-origin')).toBe('*');
      await io.text();
    });

    it('refuses origins that are not origins at start', async () => {
      upstream = await h.start();
      for (const origins of [['https://app.example.com/'], ['app.example.com'], 'https://a.example']) {
        await expect(
          startRelay({ upstream: clientOptions({ url: upstream.url }), origins: origins as never }),
        ).rejects.toThrow(/origins/);
      }
    });
  });

  describe('entitlements', () => {
    const subscribe = (socket: Socket, ticker: string) =>
      ack(socket, 'subscribe', { path: PATH, params: { ticker } }, 5000);

    it('lets two users on one relay see only their topics, one upstream subscription per topic', async () => {
      const relay = await start<Plan>({ authorize: signedIn(), entitle: byPlan });
      const alice = await connected(h.connect(relay.url, await tokenFor(relay, 'alice')));
      const bob = await connected(h.connect(relay.url, await tokenFor(relay, 'bob')));
      expect(await subscribe(alice, 'AAPL')).toBeNull();
      expect(await subscribe(alice, 'MSFT')).toBe('Your plan does not include MSFT');
      expect(await subscribe(bob, 'AAPL')).toBeNull();
      expect(await subscribe(bob, 'MSFT')).toBeNull();
      const [aliceEvents, bobEvents] = (await Promise.all([
        collect(alice, 20, 5000),
        collect(bob, 20, 5000),
      ])) as [DataEvent[], DataEvent[]];
      expect(new Set(aliceEvents.map((event) => event.params['ticker']))).toEqual(new Set(['AAPL']));
      expect(new Set(bobEvents.map((event) => event.params['ticker']))).toEqual(new Set(['AAPL', 'MSFT']));
      expect(upstream.stats().subscriptions).toBe(2);
      expect(relay.stats()).toMatchObject({ topics: 2, upstreamSubscriptions: 2, subscriptions: 3 });
    });

    it('sends nothing upstream for a refused subscribe', async () => {
      const relay = await start<Plan>({ authorize: signedIn(), entitle: byPlan });
      const alice = await connected(h.connect(relay.url, await tokenFor(relay, 'alice')));
      expect(await subscribe(alice, 'MSFT')).toBe('Your plan does not include MSFT');
      expect(await ack(alice, 'subscribe', { path: PATH, params: {} }, 5000)).toBe(
        'Your plan does not include every ticker',
      );
      await delay(300);
      expect(logged(upstream, 'subscribe')).toEqual([]);
      expect(relay.stats()).toMatchObject({ topics: 0, upstreamSubscriptions: 0, subscriptions: 0 });
    });

    it('refuses with a generic message, and reports, when entitle throws, rejects, times out or answers garbage', async () => {
      const problems: RelayProblem[] = [];
      const hooks: Record<string, () => unknown> = {
        AAPL: () => {
          throw new Error('database down');
        },
        MSFT: () => Promise.reject(new Error('database down')),
        TSLA: () => new Promise(() => undefined),
        NVDA: () => 'yes',
        AMZN: () => false,
        META: () => Promise.resolve(true),
      };
      const relay = await start({
        authorize: () => true,
        entitle: (claims, { params }) => {
          expect(claims).toBeUndefined(); // authorize answered `true`
          return (hooks[params.ticker ?? ''] ?? (() => true))() as never;
        },
        entitleTimeout: 200,
        onProblem: (problem) => problems.push(problem),
      });
      const socket = await connected(h.connect(relay.url, await tokenFor(relay, 'anyone')));
      const acks = await Promise.all(Object.keys(hooks).map((ticker) => subscribe(socket, ticker)));
      expect(acks).toEqual([
        'Entitlement check failed',
        'Entitlement check failed',
        'Entitlement check failed',
        'Entitlement check failed',
        `Not entitled to ${PATH} for AMZN`,
        null,
      ]);
      expect(problems.map(({ kind, topic }) => [kind, topic]).sort()).toEqual(
        ['AAPL', 'MSFT', 'NVDA', 'TSLA'].map((ticker) => ['entitle', `${PATH} {"ticker":"${ticker}"}`]),
      );
      expect(String(problems.find(({ topic }) => topic.includes('TSLA'))?.error)).toContain(
        'no answer within 200 ms',
      );
      expect(upstream.subscriptions()).toEqual([expect.objectContaining({ params: { ticker: 'META' } })]);
    });

    it('joins nothing when the client unsubscribes while entitle is deciding', async () => {
      let allow: ((answer: boolean) => void) | undefined;
      const relay = await start({
        authorize: () => true,
        entitle: () =>
          new Promise<boolean>((resolve) => {
            allow = resolve;
          }),
      });
      const socket = await connected(h.connect(relay.url, await tokenFor(relay, 'anyone')));
      const subscribed = subscribe(socket, 'AAPL');
      await until('entitle asked', () => allow !== undefined, 2000);
      expect(await ack(socket, 'unsubscribe', { path: PATH, params: { ticker: 'AAPL' } })).toBeNull();
      allow?.(true);
      expect(await subscribed).toBeNull();
      await delay(200);
      expect(relay.stats()).toMatchObject({ topics: 0, subscriptions: 0 });
      expect(logged(upstream, 'subscribe')).toEqual([]);
    });

    it('puts the claims in the token, and refuses claims that are not bounded JSON', async () => {
      const answers: Record<string, unknown> = {
        date: { since: new Date(0) },
        big: { blob: 'x'.repeat(5000) },
        string: 'yes',
      };
      const relay = await start({
        authorize: (request) => (answers[String(request.headers['x-user'])] ?? { sub: 'carol' }) as never,
      });
      const token = await tokenFor(relay, 'carol');
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as object;
      expect(payload).toMatchObject({ claims: { sub: 'carol' } });
      for (const [user, message] of [
        ['date', "authorize's claims/since must be"],
        ['big', 'more than 4096'],
        ['string', 'authorize must answer true, false or claims'],
      ]) {
        const refused = await postJwt(relay, { 'x-user': user ?? '' });
        expect([refused.status, await errorMessage(refused)]).toEqual([
          500,
          expect.stringContaining(message ?? ''),
        ]);
      }
    });

    it('decides again with the new claims when a client renews its token: a topic no longer entitled ends with an error', async () => {
      const plans: Record<string, readonly string[]> = { dave: ['AAPL', 'MSFT'] };
      const relay = await start<Plan>({ authorize: signedIn(plans), entitle: byPlan });
      const client = h.client(relay.url, { token: () => tokenFor(relay, 'dave'), refreshEvery: 1000 });
      const aapl: number[] = [];
      const msft: number[] = [];
      const errors: unknown[] = [];
      h.track(
        client
          .subscribe$(PATH, { ticker: 'AAPL' })
          .subscribe({ next: (e) => aapl.push(e.timestamp.getTime()) }),
      );
      h.track(
        client.subscribe$(PATH, { ticker: 'MSFT' }).subscribe({
          next: (e) => msft.push(e.timestamp.getTime()),
          error: (error: unknown) => errors.push(error),
        }),
      );
      await until('both topics flow', () => aapl.length > 3 && msft.length > 3, 5000);
      plans['dave'] = ['AAPL']; // the plan changed: the next token carries the new claims
      await until('MSFT refused on the renewed socket', () => errors.length > 0, 5000);
      const [error] = errors;
      expect(isSubscribeError(error) && error.code === 'rejected' && error.message).toContain(
        'Your plan does not include MSFT',
      );
      const seen = aapl.length;
      await until('AAPL still flows', () => aapl.length > seen + 3, 5000);
      await until('the old socket closed', () => relay.stats().sockets === 1, 5000);
      await until('MSFT let go upstream', () => relay.stats().topics === 1, 5000);
      expect(relay.stats()).toMatchObject({ subscriptions: 1 });
    }, 20_000);

    it('ends a socket when its token expires', async () => {
      const relay = await start({ tokenTtl: 2000 });
      const token = ((await (await postJwt(relay)).json()) as { token: string }).token;
      const socket = await connected(h.connect(relay.url, token, { reconnection: false }));
      const [reason] = await nextEvent(socket, 'disconnect', 4000);
      expect(reason).toBe('io server disconnect');
    });
  });
});
