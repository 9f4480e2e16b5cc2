import { createClient } from '../../lib/client/create-client';
import { type Observable, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import type { ClientOptions } from '../../lib/client/options';
import type { SocketFactory } from '../../lib/connection/socket-like';
import type { FetchLike } from '../../lib/util/http';

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

  it('opens nothing until subscribed: no token request, no socket; subscribing asks for a token', () => {
    const fetched: string[] = [];
    const opened: string[] = [];
    const fetch: FetchLike = (url) => {
      fetched.push(String(url));
      return new Promise(() => undefined); // never answers: the spec only counts requests
    };
    const socket: SocketFactory = (url) => {
      opened.push(url);
      throw new Error('no socket in this spec');
    };
    // Virtual time, bounded to its first second: the token request never answers, and retries would go on.
    const scheduler = new VirtualTimeScheduler(VirtualAction, 1_000);
    const client = createClient({ apiKey: 'sk_test_x', url: 'http://127.0.0.1:9', fetch, socket, scheduler });
    // Its streams, subscribed and read, open nothing either.
    const streams: Observable<unknown>[] = [
      client.status$,
      client.state$,
      client.problems$,
      client.unroutable$,
    ];
    const watching = streams.map((stream) => stream.subscribe());
    scheduler.flush();
    expect(fetched).toEqual([]);
    expect(opened).toEqual([]);

    const streaming = client
      .subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' })
      .subscribe({ error: () => undefined });
    scheduler.flush();
    expect(fetched).toEqual(['http://127.0.0.1:9/jwt']);
    streaming.unsubscribe();
    watching.forEach((subscription) => subscription.unsubscribe());
    client.close();
  });
});
