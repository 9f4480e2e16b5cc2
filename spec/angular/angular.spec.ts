import '@angular/compiler';
import {
  DOCUMENT,
  EnvironmentInjector,
  NgZone,
  PLATFORM_ID,
  createEnvironmentInjector,
  provideZonelessChangeDetection,
  runInInjectionContext,
  type Provider,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  injectConnectionStatus,
  injectLatest,
  injectMarketProphit,
  provideMarketProphit,
} from '../../lib/angular';
import { createJwtProxy } from '../../lib/node/jwt-proxy';
import { delay, until as waitUntil } from '../support/wait';
import { DEFAULT_API_KEY, startServer, type LocalServer, type ServerOptions } from '../../lib/server';

TestBed.initTestEnvironment(BrowserTestingModule, platformBrowserTesting());

const servers: LocalServer[] = [];
const proxies: Server[] = [];

afterEach(async () => {
  TestBed.resetTestingModule();
  for (const proxy of proxies.splice(0)) {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  }
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** The real local server and a real token route in front of it, on 127.0.0.1. */
const backend = async (apiKey = DEFAULT_API_KEY, serverOptions: ServerOptions = {}) => {
  const server = await startServer({ port: 0, interval: 20, ...serverOptions });
  servers.push(server);
  const route = createJwtProxy({ apiKey, url: server.url });
  const http = createServer((request, response) => void route(request, response));
  proxies.push(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const tokenRoute = `http://127.0.0.1:${(http.address() as AddressInfo).port}/jwt`;
  return { server, tokenRoute };
};

const setUp = (options: { url: string; tokenRoute: string }, providers: Provider[] = []) => {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideMarketProphit({ ...options, linger: 0 }),
      // Jest runs in Node: no DOM. TestBed's teardown only looks for root elements (there are none).
      { provide: DOCUMENT, useValue: { querySelectorAll: () => [] } },
      ...providers,
    ],
  });
  // A child injector stands for a component: destroying it must end what it subscribed.
  const view = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
  return { view, inView: <T>(fn: () => T): T => runInInjectionContext(view, fn) };
};

/** spec/support's `until`, with 5 s for the real server and TestBed's change detection. */
const until = (what: string, condition: () => boolean, ms = 5_000) => waitUntil(what, condition, ms);

describe('marketprophit-rx/angular (TestBed, zoneless)', () => {
  it('injectLatest: a signal of the latest event, live; unsubscribed when its injector is destroyed', async () => {
    const { server, tokenRoute } = await backend();
    const { view, inView } = setUp({ url: server.url, tokenRoute });
    const latest = inView(() => injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }));
    const status = TestBed.runInInjectionContext(injectConnectionStatus);
    expect(latest()).toBeUndefined();

    await until('a first event', () => latest() !== undefined);
    const first = latest();
    expect(first?.path).toBe('/real-time/crowd-sentiment');
    expect(first?.results.every((record) => typeof record.crowd_sentiment === 'number')).toBe(true);
    await until('another event', () => latest() !== first);
    expect(status()).toEqual({ state: 'connected' });
    expect(server.stats().subscriptions).toBe(1);

    view.destroy();
    await until('the server subscription to end', () => server.stats().subscriptions === 0);
    const last = latest();
    await delay(100);
    expect(latest()).toBe(last);
  });

  it('injectLatest in a view that mounts later shows the latest event at once (the client keeps an image)', async () => {
    const { server, tokenRoute } = await backend(DEFAULT_API_KEY, { interval: 2_000 });
    const { inView } = setUp({ url: server.url, tokenRoute });
    const first = inView(() => injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }));
    await until('a first event', () => first() !== undefined);
    const later = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    const late = runInInjectionContext(later, () =>
      injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }),
    );
    expect(late()).toBe(first()); // not undefined until the next push, 2 s away
    later.destroy();
  });

  it('injectMarketProphit: the app client, one for the app', async () => {
    const { server, tokenRoute } = await backend();
    const { inView } = setUp({ url: server.url, tokenRoute });
    const client = inView(injectMarketProphit);
    expect(TestBed.runInInjectionContext(injectMarketProphit)).toBe(client);
    const states: string[] = [];
    const watching = client.state$.subscribe((state) => states.push(state));
    const streaming = client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }).subscribe();
    await until('connected', () => states.includes('connected'));
    streaming.unsubscribe();
    watching.unsubscribe();
    expect(server.stats().tokenRequests).toBe(1);
  });

  it('on the server platform (SSR) it requests no token and opens no socket; status stays idle', async () => {
    const { server, tokenRoute } = await backend();
    const { inView } = setUp({ url: server.url, tokenRoute }, [{ provide: PLATFORM_ID, useValue: 'server' }]);
    const latest = inView(() => injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }));
    const status = TestBed.runInInjectionContext(injectConnectionStatus);
    await delay(300);
    expect(latest()).toBeUndefined();
    expect(status()).toEqual({ state: 'idle' });
    expect(server.stats()).toMatchObject({ tokenRequests: 0, sockets: 0 });
  });

  it("a refused key: status goes failed with the route's message, instead of authenticating forever", async () => {
    const { server, tokenRoute } = await backend('sk_test_not_a_key_of_this_server');
    const { inView } = setUp({ url: server.url, tokenRoute });
    const latest = inView(() => injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }));
    const status = TestBed.runInInjectionContext(injectConnectionStatus);
    await until('failed', () => status().state === 'failed');
    await until('a reason', () => status().problem !== undefined);
    expect(status().problem?.message).toMatch(/refused this server's API key \(upstream HTTP 401\)/);
    expect(latest()).toBeUndefined();
    expect(server.stats().tokenRequests).toBe(1);
  });
});

describe('marketprophit-rx/angular: a stream that ends with an error', () => {
  /** The local server's test key may only use tweet-buzz: a crowd-sentiment subscribe is refused. */
  const restricted = () =>
    backend(DEFAULT_API_KEY, { apiKeys: { [DEFAULT_API_KEY]: { paths: ['/real-time/tweet-buzz'] } } });
  const REFUSED = /The server refused \/real-time\/crowd-sentiment: .*restricted endpoint/;

  it('puts its error into the status while it stays ended; the other streams carry on', async () => {
    const { server, tokenRoute } = await restricted();
    const { inView } = setUp({ url: server.url, tokenRoute });
    const refused = inView(() => injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }));
    const buzz = inView(() => injectLatest('/real-time/tweet-buzz', { ticker: 'AAPL' }));
    const status = TestBed.runInInjectionContext(injectConnectionStatus);

    await until('a problem in the status', () => status().problem !== undefined);
    expect(status().problem).toMatchObject({ kind: 'subscription', message: expect.stringMatching(REFUSED) });
    expect(status().problem?.error).toMatchObject({ name: 'SubscribeError', code: 'rejected' });
    await until('buzz data', () => buzz() !== undefined);
    expect(status().state).toBe('connected');
    expect(status().problem?.message).toMatch(REFUSED); // still ended: still shown
    expect(refused()).toBeUndefined();
  });

  it('leaves the status when its injector is destroyed, or when the same stream is subscribed again', async () => {
    const { server, tokenRoute } = await restricted();
    const { view, inView } = setUp({ url: server.url, tokenRoute });
    inView(() => injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }));
    const status = TestBed.runInInjectionContext(injectConnectionStatus);
    await until('the refusal in the status', () => status().problem !== undefined);

    view.destroy();
    expect(status().problem).toBeUndefined();

    const other = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    runInInjectionContext(other, () => injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }));
    await until('the refusal again', () => status().problem !== undefined);
    // the same path and params, subscribed again: the old error goes at once
    runInInjectionContext(other, () => injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }));
    expect(status().problem).toBeUndefined();
    await until('the new refusal', () => status().problem !== undefined);
    expect(status().problem?.message).toMatch(REFUSED);
    other.destroy();
  });

  it('a client failure comes first: the status shows its problem, not the streams it ended', async () => {
    const { server, tokenRoute } = await backend('sk_test_not_a_key_of_this_server');
    const { inView } = setUp({ url: server.url, tokenRoute });
    inView(() => injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }));
    const status = TestBed.runInInjectionContext(injectConnectionStatus);
    await until('failed', () => status().state === 'failed');
    expect(status().problem?.kind).toBe('token');
  });

  it('closes the client when the providing injector is destroyed: no socket left', async () => {
    const { server, tokenRoute } = await backend();
    const { inView } = setUp({ url: server.url, tokenRoute });
    const latest = inView(() => injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' }));
    await until('data', () => latest() !== undefined);
    expect(server.stats().sockets).toBe(1);
    // linger is 0 here, so show the close through a stream that keeps the socket: connection$
    const client = inView(injectMarketProphit);
    let ended = false;
    client.connection$.subscribe({ complete: () => (ended = true) });
    TestBed.resetTestingModule();
    expect(ended).toBe(true);
    await until('the server to see the socket close', () => server.stats().sockets === 0, 1_000);
  });
});

describe('marketprophit-rx/angular in a zone app', () => {
  /** An NgZone that records where work runs: inside (run) or outside (runOutsideAngular). */
  class RecordingZone {
    where: 'angular' | 'outside' | 'none' = 'none';
    readonly deliveredIn: string[] = [];
    readonly subscribedIn: string[] = [];
    run<T>(fn: () => T): T {
      return this.within('angular', fn);
    }
    runOutsideAngular<T>(fn: () => T): T {
      return this.within('outside', fn);
    }
    private within<T>(where: 'angular' | 'outside', fn: () => T): T {
      const before = this.where;
      this.where = where;
      try {
        return fn();
      } finally {
        this.where = before;
      }
    }
  }

  it('subscribes to the client outside the zone and delivers values inside it', async () => {
    const { server, tokenRoute } = await backend();
    const zone = new RecordingZone();
    const { inView } = setUp({ url: server.url, tokenRoute }, [{ provide: NgZone, useValue: zone }]);
    const client = inView(injectMarketProphit);
    const streaming = client.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' }).subscribe(() => {
      zone.deliveredIn.push(zone.where);
    });
    await until('three events', () => zone.deliveredIn.length >= 3);
    streaming.unsubscribe();
    expect(new Set(zone.deliveredIn)).toEqual(new Set(['angular']));
    // The socket's own callbacks (it is an event emitter) run where it was subscribed: outside.
    const socketWhere: string[] = [];
    const watching = client.connection$.subscribe((socket) => {
      socket.on('data', () => socketWhere.push(zone.where));
    });
    const again = client.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' }).subscribe();
    await until('socket traffic', () => socketWhere.length >= 2);
    again.unsubscribe();
    watching.unsubscribe();
    expect(socketWhere).not.toContain('angular');
  });
});
