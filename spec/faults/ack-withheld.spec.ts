import { firstValueFrom, ignoreElements, lastValueFrom, timeout } from 'rxjs';
import { SubscribeError } from '../../lib/errors/subscribe-error';
import { CROWD, VOLUME, harness, record } from './support';
import { delay, until } from '../support/wait';

const ACK_TIMEOUT = 200;

describe('the server withholds acks', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanUp());

  it('a subscribe without an ack fails with ack_timeout; the rest carries on; acks back → it works', async () => {
    const server = await h.start();
    const unsubscribes = record(server, 'unsubscribe');
    h.track(unsubscribes.subscription);
    const client = h.client(server.url, { ackTimeout: ACK_TIMEOUT });
    const other: Date[] = [];
    const otherErrors: unknown[] = [];
    h.track(
      client.subscribe$(VOLUME, { ticker: 'TSLA' }).subscribe({
        next: (event) => other.push(event.timestamp),
        error: (error: unknown) => otherErrors.push(error),
      }),
    );
    await until('data on the acknowledged subscription', () => other.length >= 3);

    server.setAckMode('withhold');
    const startedAt = Date.now();
    // The server does subscribe (it only keeps the ack to itself), so data may arrive before the error.
    const failure = await lastValueFrom(
      client.subscribe$(CROWD, { ticker: 'AAPL' }).pipe(ignoreElements(), timeout(2_000)),
    ).then(
      () => new Error('expected an ack_timeout, the stream completed'),
      (error: unknown) => error,
    );
    const elapsed = Date.now() - startedAt;

    expect(failure).toBeInstanceOf(SubscribeError);
    expect(failure).toMatchObject({
      name: 'SubscribeError',
      code: 'ack_timeout',
      path: CROWD,
      params: { ticker: 'AAPL' },
    });
    expect(elapsed).toBeGreaterThanOrEqual(ACK_TIMEOUT - 3);
    expect(elapsed).toBeLessThan(ACK_TIMEOUT + 300);

    // the failed subscription is taken back (acks withheld or not), the other one keeps flowing
    await until('the unsubscribe of the timed-out subscription', () => unsubscribes.entries.length === 1);
    expect(unsubscribes.entries[0]?.options).toEqual({ path: CROWD, params: { ticker: 'AAPL' } });
    const otherAtFailure = other.length;
    await delay(100);
    expect(other.length).toBeGreaterThan(otherAtFailure + 3);
    expect(otherErrors).toEqual([]);
    expect(await firstValueFrom(client.state$)).toBe('connected');
    expect(h.sockets).toHaveLength(1);
    expect(server.stats()).toEqual({ sockets: 1, tokenRequests: 1, subscriptions: 1 });
    expect(server.subscriptions().map(({ path, params }) => ({ path, params }))).toEqual([
      { path: VOLUME, params: { ticker: 'TSLA' } },
    ]);

    server.setAckMode('normal');
    const event = await firstValueFrom(client.subscribe$(CROWD, { ticker: 'AAPL' }).pipe(timeout(2_000)));
    expect(event.path).toBe(CROWD);
    expect(event.results[0]?.ticker).toBe('AAPL');
    expect(otherErrors).toEqual([]);
    expect(h.sockets).toHaveLength(1);
    await h.release();
  });
});
