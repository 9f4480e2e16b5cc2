import { CROWD, AAPL } from './support';
import { harness, logged, next } from '../support/harness';
import { delay, until } from '../support/wait';

describe('client lifecycle over a real socket', () => {
  const h = harness();
  afterEach(() => h.cleanUp());

  it('is lazy: no token request and no socket before the first subscribe', async () => {
    const server = await h.start();
    const client = h.client(server);
    h.track(client.state$.subscribe());
    await delay(100);
    expect(server.stats()).toEqual({ sockets: 0, tokenRequests: 0, subscriptions: 0 });

    await next(client.subscribe$(CROWD, AAPL));
    expect(server.stats().tokenRequests).toBe(1);
  });

  it('connects with the token from POST /jwt in the handshake query', async () => {
    const server = await h.start();
    await next(h.client(server).subscribe$(CROWD, AAPL));

    const [issued] = logged(server, 'token');
    const connects = logged(server, 'connect');
    expect(issued).toMatchObject({ outcome: 'issued' });
    expect(connects).toHaveLength(1);
    expect(connects[0]?.token).toBe(issued?.outcome === 'issued' ? issued.token : 'no token issued');
  });

  it('sends subscribe and unsubscribe with { path, params } as the caller gave them', async () => {
    const server = await h.start();
    const [event] = await next(h.client(server).subscribe$(CROWD, AAPL));
    await until('unsubscribe', () => logged(server, 'unsubscribe').length > 0);

    expect(event).toMatchObject({ path: CROWD, params: AAPL });
    expect(logged(server, 'subscribe').map(({ options, error }) => ({ options, error }))).toEqual([
      { options: { path: CROWD, params: { ticker: 'AAPL' } }, error: null },
    ]);
    expect(logged(server, 'unsubscribe').map(({ options }) => options)).toEqual([
      { path: CROWD, params: { ticker: 'AAPL' } },
    ]);
  });

  it('unsubscribes at once, then closes the socket after `linger`', async () => {
    const server = await h.start();
    const client = h.client(server, { linger: 300 });
    const subscription = h.track(client.subscribe$(CROWD, AAPL).subscribe());
    await until('data', () => logged(server, 'sent').length > 0);

    subscription.unsubscribe();
    await until('unsubscribe', () => logged(server, 'unsubscribe').length === 1, 1_000);
    expect(server.stats()).toMatchObject({ sockets: 1, subscriptions: 0 });

    await until('the socket to close', () => server.stats().sockets === 0, 2_000);
    expect(logged(server, 'disconnect').map(({ reason }) => reason)).toEqual(['client namespace disconnect']);
  });

  it('keeps the socket across a quick unsubscribe/subscribe within `linger`', async () => {
    const server = await h.start();
    const client = h.client(server, { linger: 500 });
    await next(client.subscribe$(CROWD, AAPL));
    await next(client.subscribe$(CROWD, AAPL));
    await until('the second subscribe', () => logged(server, 'subscribe').length === 2);

    expect(logged(server, 'connect')).toHaveLength(1);
    expect(logged(server, 'unsubscribe')).toHaveLength(1);
    expect(server.stats().tokenRequests).toBe(1);
  });
});
