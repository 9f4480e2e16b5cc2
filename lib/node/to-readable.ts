import { Readable, addAbortSignal } from 'node:stream';
import { type Observable, type Subscription, Subject, takeUntil } from 'rxjs';
import { wholeNumber } from '../util/positive-number';
import { toError } from '../util/describe-reason';
import { FifoQueue } from './fifo-queue';
import { StreamOverflowError } from './overflow-error';

/**
 * What {@link toReadable} does when the consumer is `highWaterMark` values behind the source:
 * - `'error'`: destroy the stream with a {@link StreamOverflowError} (`code` `'ERR_MARKETPROPHIT_OVERFLOW'`).
 * - `'drop-oldest'`: drop the oldest value waiting in the queue to make room, and count it (`dropped`,
 *   `onDrop`). The one value Node's own buffer may hold already is delivered, not dropped.
 */
export type OverflowPolicy = 'error' | 'drop-oldest';

/** Options of {@link toReadable}. Every one is optional. */
export interface ToReadableOptions {
  /**
   * The most values held for a consumer that reads slower than the source emits (a paused stream,
   * a slow file or socket downstream). The values wait in this adapter's own queue, which the
   * `overflow` policy governs; Node's internal buffer (`readableHighWaterMark`) holds at most one of
   * them, and that one counts towards the limit too.
   * @default 1000
   */
  readonly highWaterMark?: number;
  /**
   * What to do when a value arrives and `highWaterMark` values are already waiting.
   * An observable cannot be paused, so something has to give: the stream, or the oldest values.
   * @default 'error'
   * @example toReadable(client.subscribe$('/real-time/tweet-buzz'), { overflow: 'drop-oldest' })
   */
  readonly overflow?: OverflowPolicy;
  /**
   * Called after each value `overflow: 'drop-oldest'` dropped, with the total dropped so far.
   * @example toReadable(events$, { overflow: 'drop-oldest', onDrop: (total) => metrics.gauge('dropped', total) })
   */
  readonly onDrop?: (dropped: number) => void;
  /**
   * Aborting it destroys the stream (with an `AbortError`, like Node's own streams) and unsubscribes.
   * @example toReadable(events$, { signal: AbortSignal.timeout(60_000) })
   */
  readonly signal?: AbortSignal;
}

/** The object-mode `Readable` {@link toReadable} returns. */
export interface ObservableReadable extends Readable {
  /** How many values `overflow: 'drop-oldest'` has dropped so far. */
  readonly dropped: number;
}

const DEFAULT_HIGH_WATER_MARK = 1000;
const policies: readonly OverflowPolicy[] = ['error', 'drop-oldest'];

class ObservableReadableImpl<T> extends Readable implements ObservableReadable {
  readonly #source: Observable<T>;
  readonly #limit: number;
  readonly #overflow: OverflowPolicy;
  readonly #onDrop: ((dropped: number) => void) | undefined;
  readonly #queue = new FifoQueue<T>();
  /** Stops the source even while it is still emitting synchronously inside `subscribe`. */
  readonly #stop = new Subject<void>();
  #subscription: Subscription | undefined;
  /** Node asked for more (`_read`) and has not said stop (`push` returned false) since. */
  #wanted = false;
  #completed = false;
  #ended = false;
  #dropped = 0;

  constructor(source: Observable<T>, limit: number, overflow: OverflowPolicy, options: ToReadableOptions) {
    // Node's buffer holds one value at most: the rest wait in #queue, where the policy can drop them.
    super({ objectMode: true, highWaterMark: 1 });
    this.#source = source;
    this.#limit = limit;
    this.#overflow = overflow;
    this.#onDrop = options.onDrop;
    // Not passed to super: an already aborted signal would destroy the stream before the fields exist.
    if (options.signal !== undefined) addAbortSignal(options.signal, this);
  }

  get dropped(): number {
    return this.#dropped;
  }

  override _read(): void {
    this.#wanted = true;
    if (this.#subscription === undefined) {
      this.#subscription = this.#source.pipe(takeUntil(this.#stop)).subscribe({
        next: (value) => this.#onValue(value),
        error: (error: unknown) => this.destroy(toError(error)),
        complete: () => {
          this.#completed = true;
          this.#drain();
        },
      });
    } else {
      this.#drain();
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#stop.next();
    this.#stop.complete();
    this.#subscription?.unsubscribe();
    this.#queue.clear();
    callback(error);
  }

  #onValue(value: T): void {
    if (this.destroyed) return;
    if (value === null) {
      this.destroy(
        Object.assign(
          new TypeError('toReadable: the source emitted null, which ends an object-mode stream'),
          {
            code: 'ERR_STREAM_NULL_VALUES',
          },
        ),
      );
      return;
    }
    if (this.#wanted && this.#queue.size === 0) {
      this.#wanted = this.push(value);
      return;
    }
    if (this.#queue.size + this.readableLength >= this.#limit) {
      if (this.#overflow === 'error') {
        this.destroy(new StreamOverflowError(this.#limit));
        return;
      }
      this.#dropped += 1;
      // Only with highWaterMark 1 is nothing waiting here (the one value is in Node's buffer already):
      // then the new value is the one to go.
      if (this.#queue.size === 0) {
        this.#onDrop?.(this.#dropped);
        return;
      }
      this.#queue.shift();
      this.#onDrop?.(this.#dropped);
    }
    this.#queue.push(value);
  }

  #drain(): void {
    while (this.#wanted && this.#queue.size > 0) this.#wanted = this.push(this.#queue.shift());
    if (this.#completed && this.#queue.size === 0 && !this.#ended && !this.destroyed) {
      this.#ended = true;
      this.push(null);
    }
  }
}

/**
 * An object-mode `Readable` of an observable's values, for `stream.pipeline` and friends.
 *
 * - Lazy: it subscribes when the stream is first read (piped, iterated, or given a `data` listener).
 * - Backpressure: values wait while the consumer is slow, up to `highWaterMark`; then the `overflow`
 *   policy applies (an observable cannot be paused).
 * - Completion ends the stream once every waiting value is read; an error destroys it at once with that
 *   error (waiting values are discarded).
 * - `destroy()`, an aborted `signal`, the end of the stream and an error all unsubscribe from the source.
 *
 * @example
 * import { pipeline } from 'node:stream/promises';
 * import { createWriteStream } from 'node:fs';
 * import { ndjsonStringify, toReadable } from 'marketprophit-rx/node';
 *
 * await pipeline(
 *   toReadable(client.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' }), { overflow: 'drop-oldest' }),
 *   ndjsonStringify(),
 *   createWriteStream('aapl.ndjson'),
 *   { signal: AbortSignal.timeout(60_000) },
 * );
 */
export const toReadable = <T>(
  source$: Observable<T>,
  options: ToReadableOptions = {},
): ObservableReadable => {
  const { highWaterMark = DEFAULT_HIGH_WATER_MARK, overflow = 'error' } = options;
  wholeNumber('toReadable: `highWaterMark`', highWaterMark);
  if (!policies.includes(overflow)) {
    throw new TypeError(`toReadable: \`overflow\` must be 'error' or 'drop-oldest', got ${String(overflow)}`);
  }
  return new ObservableReadableImpl(source$, highWaterMark, overflow, options);
};
