import type { Observable } from 'rxjs';
import { startServer } from '../../lib/server';
import { AAPL, CROWD } from './support';
import { harness, logged } from '../support/harness';
import { until } from '../support/wait';

describe('reconnecting to a real server', () => {
  const h = harness();
  afterEach(() => h.cleanUp());

  /** Subscribes and records every event and the error, if one comes. */
  const record = <T>(source$: Observable<T>) => {
    const seen = { events: [] as T[], error: undefined as unknown };
    h.track(
      source$.subscribe({ next: (event) => seen.events.push(event), error: (error) => (seen.error = error) }),
    );
    return seen;
  };
  const resumes = async (seen: { events: unknown[]; error: unknown }) => {
    const before = seen.events.length;
    await until('data to resume', () => seen.events.length >= before + 3, 4_000);
    expect(seen.error).toBeUndefined();
  };

  it('after a dropped transport: reconnects, re-subscribes, data resumes, no error', async () => {
    const server = await h.start();
    const seen = record(h.client(server).subscribe$(CROWD, AAPL));
    await until('data', () => seen.events.length > 0);

    server.dropAllSockets();
    await until('a second connect', () => logged(server, 'connect').length === 2, 4_000);
    await resumes(seen);

    expect(logged(server, 'subscribe')).toHaveLength(2);
    expect(server.stats()).toMatchObject({ sockets: 1, subscriptions: 1, tokenRequests: 1 });
  });

  it('after the server disconnected the socket: reconnects after `retryWait`, data resumes', async () => {
    const server = await h.start();
    const seen = record(h.client(server).subscribe$(CROWD, AAPL));
    await until('data', () => seen.events.length > 0);

    server.disconnectAll();
    await until('a second connect', () => logged(server, 'connect').length === 2, 2_000);
    await resumes(seen);

    expect(logged(server, 'disconnect').map(({ reason }) => reason)).toEqual(['server namespace disconnect']);
    expect(server.stats()).toMatchObject({ sockets: 1, subscriptions: 1 });
  });

  it('after a graceful server restart on the same port and secret: data resumes on the old token', async () => {
    const first = await startServer({ port: 0, interval: 15 });
    const seen = record(h.client(first).subscribe$(CROWD, AAPL));
    await until('data', () => seen.events.length > 0);

    await first.close();
    const second = await h.start({ port: first.port, secret: first.secret });
    await until('a connect to the restarted server', () => logged(second, 'connect').length === 1, 4_000);
    await resumes(seen);

    expect(logged(second, 'subscribe').map(({ options }) => options)).toEqual([
      { path: CROWD, params: AAPL },
    ]);
    expect(second.stats()).toMatchObject({ sockets: 1, tokenRequests: 0 });
  });

  it.each([
    ['expired', (server: { expireTokens(): void }) => server.expireTokens(), 'token_expired'],
    ['revoked', (server: { revokeTokens(): void }) => server.revokeTokens(), 'invalid_token'],
  ])('a %s token at reconnect is replaced by a fresh one, and data resumes', async (_, invalidate, code) => {
    const server = await h.start();
    const seen = record(h.client(server).subscribe$(CROWD, AAPL));
    await until('data', () => seen.events.length > 0);

    invalidate(server);
    server.dropAllSockets();
    await until('a fresh token', () => server.stats().tokenRequests === 2, 4_000);
    await resumes(seen);

    const [firstConnect, secondConnect] = logged(server, 'connect');
    expect(secondConnect?.token).not.toBe(firstConnect?.token);
    expect(logged(server, 'handshake_refused').map((entry) => entry.code)).toEqual([code]);
    expect(server.stats()).toMatchObject({ sockets: 1, subscriptions: 1 });
  });
});
