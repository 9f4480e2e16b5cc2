import { once } from 'node:events';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Observable, Subject, finalize, interval, range, take, tap, throwError } from 'rxjs';
import { createClient } from '../../lib/client/create-client';
import { ndjsonStringify } from '../../lib/node/ndjson';
import { isStreamOverflowError } from '../../lib/node/overflow-error';
import { toReadable } from '../../lib/node/to-readable';
import { DEFAULT_API_KEY, startServer, type LocalServer } from '../../lib/server';
import { until } from '../support/wait';

/** An observable that records whether it is subscribed, and whether its teardown ran. */
const watched = <T>(source$: Observable<T>) => {
  const state = { subscribed: 0, finalized: 0 };
  const source = new Observable<T>((subscriber) => {
    state.subscribed += 1;
    return source$.subscribe(subscriber);
  }).pipe(finalize(() => (state.finalized += 1)));
  return { source, state };
};

/** The values waiting in the stream, read synchronously (paused mode). */
const readWaiting = (readable: NodeJS.ReadableStream & { read(): unknown }): unknown[] => {
  const values: unknown[] = [];
  for (let value = readable.read(); value !== null; value = readable.read()) values.push(value);
  return values;
};

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('toReadable', () => {
  it('is lazy: subscribes on the first read, not before', async () => {
    const { source, state } = watched(range(1, 3));
    const readable = toReadable(source);
    await tick();
    expect(state.subscribed).toBe(0);
    expect(await readable.toArray()).toEqual([1, 2, 3]);
    expect(state).toEqual({ subscribed: 1, finalized: 1 });
  });

  it('ends when the observable completes, after every waiting value is read', async () => {
    const subject = new Subject<number>();
    const readable = toReadable(subject);
    readable.read(0);
    subject.next(1);
    subject.next(2);
    subject.complete();
    const ended = once(readable, 'end');
    expect(readWaiting(readable)).toEqual([1, 2]);
    await ended;
    expect(subject.observed).toBe(false);
  });

  it('is an async iterable of the values', async () => {
    const seen: number[] = [];
    for await (const value of toReadable(range(0, 5))) seen.push(value as number);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  describe('backpressure', () => {
    it("holds at most highWaterMark values for a paused consumer, then 'drop-oldest' drops the oldest", () => {
      const drops: number[] = [];
      const readable = toReadable(range(0, 10_000), {
        highWaterMark: 100,
        overflow: 'drop-oldest',
        onDrop: (total) => drops.push(total),
      });
      readable.read(0); // subscribes; the synchronous source emits everything before anyone reads
      expect(readable.dropped).toBe(9_900);
      expect(drops).toHaveLength(9_900);
      expect(drops.at(-1)).toBe(9_900);
      const waiting = readWaiting(readable);
      // The first value was already in Node's own buffer; the queue kept the 99 newest.
      expect(waiting).toHaveLength(100);
      expect(waiting.slice(0, 3)).toEqual([0, 9_901, 9_902]);
      expect(waiting.at(-1)).toBe(9_999);
    });

    it("drops the newest value with highWaterMark 1, the one value being in Node's buffer already", () => {
      const readable = toReadable(range(0, 5), { highWaterMark: 1, overflow: 'drop-oldest' });
      readable.read(0);
      expect(readable.dropped).toBe(4);
      expect(readWaiting(readable)).toEqual([0]);
    });

    it('stops growing while paused and delivers what waited on resume', async () => {
      const subject = new Subject<number>();
      const readable = toReadable(subject, { highWaterMark: 5, overflow: 'drop-oldest' });
      const seen: unknown[] = [];
      readable.on('data', (value) => seen.push(value));
      await tick();
      subject.next(0);
      readable.pause();
      for (let n = 1; n <= 20; n += 1) subject.next(n);
      expect(seen).toEqual([0]);
      expect(readable.dropped).toBe(15);
      readable.resume();
      await tick();
      // 1 was handed to Node's own buffer before the pause; the queue kept the 4 newest.
      expect(seen).toEqual([0, 1, 17, 18, 19, 20]);
      readable.destroy();
    });

    it("destroys the stream with ERR_MARKETPROPHIT_OVERFLOW under the default 'error' policy", async () => {
      const subject = new Subject<number>();
      const readable = toReadable(subject, { highWaterMark: 5 });
      readable.read(0);
      for (let n = 0; n < 5; n += 1) subject.next(n);
      expect(readable.destroyed).toBe(false);
      const failed = once(readable, 'error');
      subject.next(5);
      const [error] = (await failed) as [unknown];
      expect(isStreamOverflowError(error)).toBe(true);
      expect(error).toMatchObject({
        name: 'StreamOverflowError',
        code: 'ERR_MARKETPROPHIT_OVERFLOW',
        highWaterMark: 5,
      });
      expect(String((error as Error).message)).toMatch(/more than 5 values behind/);
      expect(subject.observed).toBe(false);
    });

    it('fails a consumer that stops reading a fast source, and unsubscribes', async () => {
      const { source, state } = watched(interval(0));
      const readable = toReadable(source, { highWaterMark: 20 });
      readable.once('data', () => readable.pause());
      const [error] = (await once(readable, 'error')) as [Error & { code?: string }];
      expect(error.code).toBe('ERR_MARKETPROPHIT_OVERFLOW');
      expect(state.finalized).toBe(1);
    });

    it('never holds more than highWaterMark values for a slow consumer of a fast source', async () => {
      const highWaterMark = 10;
      let emitted = 0;
      let delivered = 0;
      let maxWaiting = 0;
      const readable = toReadable(
        interval(0).pipe(
          tap(() => {
            // Before this value is handled: what the stream holds is all that was neither read nor dropped.
            maxWaiting = Math.max(maxWaiting, emitted - delivered - readable.dropped);
            emitted += 1;
          }),
          take(300),
        ),
        { highWaterMark, overflow: 'drop-oldest' },
      );
      readable.on('data', () => (delivered += 1));
      readable.pause();
      const slow = new Writable({
        objectMode: true,
        highWaterMark: 1,
        // A stall at first (the source runs on ahead for sure), then a steady slow pace.
        write: (_value, _encoding, callback) => setTimeout(callback, delivered === 1 ? 100 : 1),
      });
      await pipeline(readable, slow);
      expect(readable.dropped).toBeGreaterThan(0);
      expect(maxWaiting).toBeLessThanOrEqual(highWaterMark);
      expect(delivered + readable.dropped).toBe(300);
    });
  });

  describe('teardown', () => {
    it('unsubscribes on destroy()', async () => {
      const { source, state } = watched(interval(1));
      const readable = toReadable(source);
      await once(readable, 'data');
      readable.destroy();
      await once(readable, 'close');
      expect(state).toEqual({ subscribed: 1, finalized: 1 });
    });

    it('closes the subscription when a synchronous source is destroyed while it is still emitting', () => {
      let emitted = 0;
      const readable = toReadable(range(0, 1_000_000).pipe(tap(() => (emitted += 1))), { highWaterMark: 10 });
      readable.on('error', () => undefined);
      readable.read(0);
      expect(readable.destroyed).toBe(true); // overflow at the 11th value
      expect(emitted).toBe(11);
    });

    it('unsubscribes when the signal aborts, and errors with an AbortError', async () => {
      const { source, state } = watched(interval(1));
      const controller = new AbortController();
      const readable = toReadable(source, { signal: controller.signal });
      await once(readable, 'data');
      controller.abort();
      const [error] = (await once(readable, 'error')) as [Error];
      expect(error.name).toBe('AbortError');
      expect(state.finalized).toBe(1);
    });

    it('never subscribes with a signal aborted already', async () => {
      const { source, state } = watched(interval(1));
      const readable = toReadable(source, { signal: AbortSignal.abort() });
      const [error] = (await once(readable, 'error')) as [Error];
      expect(error.name).toBe('AbortError');
      expect(readable.destroyed).toBe(true);
      expect(state.subscribed).toBe(0);
    });

    it('destroys the stream with the error of the observable', async () => {
      const failure = new Error('upstream broke');
      const readable = toReadable(throwError(() => failure));
      readable.resume();
      const [error] = (await once(readable, 'error')) as [Error];
      expect(error).toBe(failure);
    });

    it('wraps a non-Error failure in an Error', async () => {
      const readable = toReadable(throwError(() => 'nope'));
      readable.resume();
      const [error] = (await once(readable, 'error')) as [Error];
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(/nope/);
      expect(error.cause).toBe('nope');
    });

    it('refuses null, which would end an object-mode stream', async () => {
      const { source, state } = watched(new Observable<number | null>((subscriber) => subscriber.next(null)));
      const readable = toReadable(source);
      readable.resume();
      const [error] = (await once(readable, 'error')) as [Error & { code?: string }];
      expect(error.code).toBe('ERR_STREAM_NULL_VALUES');
      expect(state.finalized).toBe(1);
    });
  });

  it('checks its options', () => {
    expect(() => toReadable(range(0, 1), { highWaterMark: 0 })).toThrow(RangeError);
    expect(() => toReadable(range(0, 1), { highWaterMark: 1.5 })).toThrow(/whole number/);
    expect(() => toReadable(range(0, 1), { overflow: 'drop-newest' as 'error' })).toThrow(TypeError);
  });
});

describe('ndjsonStringify', () => {
  const lines = async (values: readonly unknown[]): Promise<string> => {
    const chunks: string[] = [];
    await pipeline(
      Readable.from(values),
      ndjsonStringify(),
      new Writable({
        write: (chunk: Buffer, _encoding, callback) => {
          chunks.push(chunk.toString('utf8'));
          callback();
        },
      }),
    );
    return chunks.join('');
  };

  it('writes one JSON line per object, Dates as ISO strings', async () => {
    const text = await lines([
      { path: '/real-time/tweet-buzz', timestamp: new Date('2026-01-02T03:04:05.000Z') },
      [1, 'two'],
    ]);
    expect(text).toBe('{"path":"/real-time/tweet-buzz","timestamp":"2026-01-02T03:04:05.000Z"}\n[1,"two"]\n');
  });

  it('fails on a value JSON cannot represent', async () => {
    await expect(lines([{ ok: true }, () => 1])).rejects.toThrow(/no JSON form/);
    await expect(lines([{ big: 1n }])).rejects.toThrow(TypeError);
  });
});

describe('toReadable on a live subscription', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('streams data events as NDJSON, and destroying it unsubscribes on the server', async () => {
    server = await startServer({ port: 0, interval: 10 });
    const live = server;
    const client = createClient({ url: live.url, apiKey: DEFAULT_API_KEY, linger: 0 });
    const readable = toReadable(client.subscribe$('/real-time/tweet-buzz', { ticker: 'AAPL' }));
    const text: string[] = [];
    const ndjson = readable.pipe(ndjsonStringify());
    ndjson.on('data', (chunk: Buffer) => text.push(chunk.toString('utf8')));
    await until('three NDJSON lines', () => text.join('').split('\n').length > 3);
    expect(live.stats().subscriptions).toBe(1);

    readable.destroy();
    await until('the socket to close', () => live.stats().sockets === 0);
    expect(live.stats().subscriptions).toBe(0);
    const [first] = text.join('').split('\n');
    expect(JSON.parse(first ?? '')).toMatchObject({
      path: '/real-time/tweet-buzz',
      params: { ticker: 'AAPL' },
      results: [expect.objectContaining({ ticker: 'AAPL', buzz: expect.any(Number) })],
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
  });
});
