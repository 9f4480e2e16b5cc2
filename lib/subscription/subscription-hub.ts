import {
  type Observable,
  type SchedulerLike,
  type Subscriber,
  type Subscription,
  Observable as RxObservable,
  Subject,
} from 'rxjs';
import type * as t from 'io-ts';
import { isLeft } from '../codecs/is-left';
import { parseDate } from '../codecs/date-from-iso';
import { DecodeError } from '../errors/decode-error';
import { SubscribeError } from '../errors/subscribe-error';
import { formatValidationErrors } from '../codecs/report';
import { describeReason } from '../util/describe-reason';
import type { SocketLike } from '../connection/socket-like';
import { isObject } from '../util/is-object';
import { isPlainObject } from '../util/is-plain-object';
import { subscriptionKey } from './canonical-key';
import { EventDedupe } from './event-dedupe';
import { createRouteIndex, routeKey } from './route-index';
import { jsonDataProblem } from '../util/json-data';
import { shareLatest } from '../util/share-latest';
import { DataEnvelope, isEnvelopeTimestamp, type DataEvent, type SubscriptionOptions } from './data-event';

/** A subscription somebody wants, whether or not the server has it yet. */
interface Wanted {
  readonly key: string;
  readonly options: SubscriptionOptions;
  readonly results: t.Decoder<unknown, unknown>;
  /** The io-ts context `results` is validated in, made once: `results` of a `data` envelope. */
  readonly context: t.Context;
  /**
   * Every local subscriber of this (path, params). Replaced on change, never mutated, so a delivery
   * loop is unaffected by subscribers that come or go inside it.
   */
  sinks: readonly Subscriber<DataEvent<never, unknown>>[];
  /** Keeps the connection open while this subscription is wanted, and reports its failure. */
  keepAlive: Subscription | undefined;
  /** Tells the second copy of an event during a token rotation from a new event (event-dedupe.ts). */
  readonly dedupe: EventDedupe;
}

/** What a session has asked this socket's server for: an ack still awaited (with its timer), or granted. */
type Sent = { readonly status: 'pending'; readonly timeout: Subscription } | { readonly status: 'granted' };
const GRANTED: Sent = { status: 'granted' };

type Change = { readonly added: Wanted } | { readonly removed: Wanted };

export interface SubscriptionHubOptions {
  readonly connection$: Observable<SocketLike>;
  readonly scheduler: SchedulerLike;
  readonly ackTimeout: number;
  /** Payloads that cannot be routed to any subscription (no valid `path`/`params`). */
  readonly onUnroutable: (error: DecodeError) => void;
  /** A socket's session has every wanted subscription acknowledged (or refused): it can take over. */
  readonly onReady: (socket: SocketLike) => void;
  /**
   * How long after two sockets overlapped (a token rotation) a late copy from the newer one is still
   * told apart from a new event, in ms.
   *
   * @default 1_000
   */
  readonly rotationGrace?: number;
}

// The envelope's own timestamp is read leniently (any form `Date` understands), the common ISO form fast.
const parseTimestamp = (value: string | number): Date | undefined => {
  const date = parseDate(value) ?? new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/**
 * Subscriptions are desired state. Each connected socket gets a session that sends `subscribe` for
 * everything wanted, then follows changes while it stays connected; a reconnect or a new token's socket
 * starts a new session. Nothing is emitted while disconnected, so socket.io's offline buffer stays empty.
 */
export const createSubscriptionHub = ({
  connection$,
  scheduler,
  ackTimeout,
  onUnroutable,
  onReady,
  rotationGrace = 1_000,
}: SubscriptionHubOptions) => {
  const wanted = new Map<string, Wanted>();
  /** Most of the same subscriptions, by path and value: what routes the `data` events (route-index.ts). */
  const routes = createRouteIndex<Wanted>();
  /** Sessions running: more than one only while a new token's socket takes over from the old one. */
  let sessions = 0;
  /** Until when (scheduler time) a rotation that just ended may still bring a late second copy. */
  let rotationGraceUntil = -Infinity;
  /** Whether a rotation is on or just ended; the clock is only read in the grace after one. */
  const rotating = (): boolean => {
    if (sessions > 1) return true;
    if (rotationGraceUntil === -Infinity) return false;
    if (scheduler.now() < rotationGraceUntil) return true;
    rotationGraceUntil = -Infinity;
    return false;
  };
  const changes = new Subject<Change>();

  /** Stops wanting `entry` (the sessions send `unsubscribe`); false if it was not wanted any more. */
  const remove = (entry: Wanted): boolean => {
    if (wanted.get(entry.key) !== entry) return false;
    wanted.delete(entry.key);
    routes.set(entry.options.path, entry.options.params, undefined);
    entry.sinks = [];
    changes.next({ removed: entry });
    entry.keepAlive?.unsubscribe();
    return true;
  };

  // Removed before its subscribers hear of the error, so one that subscribes again at once (retry)
  // starts a fresh subscription instead of joining the failed one.
  const fail = (entry: Wanted, error: unknown) => {
    const { sinks } = entry;
    if (remove(entry)) sinks.forEach((sink) => sink.error(error));
  };

  const unroutable = (payload: unknown) => {
    const report = DataEnvelope.decode(payload);
    onUnroutable(
      new DecodeError('invalid_payload', formatValidationErrors(isLeft(report) ? report.left : []), payload),
    );
  };

  const route = (payload: unknown) => {
    // DataEnvelope's checks (`results` may be anything, but there). Params like `{}` and `{ ticker: 'AAPL' }`
    // are JSON data within the limits as they are and route by value (routeKey); others are walked, then
    // routed by their canonical JSON.
    if (!isObject(payload)) return unroutable(payload);
    const { path, params, results, timestamp } = payload;
    if (
      typeof path !== 'string' ||
      !isPlainObject(params) ||
      !isEnvelopeTimestamp(timestamp) ||
      !Object.hasOwn(payload, 'results')
    ) {
      return unroutable(payload);
    }
    const key = routeKey(params);
    if (key === undefined && jsonDataProblem(params) !== undefined) return unroutable(payload);
    const target =
      key === undefined ? wanted.get(subscriptionKey(path, params)) : routes.get(path, params, key);
    if (target === undefined) return; // in flight when we unsubscribed
    const date = parseTimestamp(timestamp);
    const validation = target.results.validate(results, target.context);
    if (isLeft(validation) || date === undefined) {
      const report = isLeft(validation)
        ? formatValidationErrors(validation.left)
        : [`Invalid value ${JSON.stringify(timestamp)} supplied to timestamp: Timestamp`];
      fail(target, new DecodeError('invalid_payload', report, payload, path, params));
      return;
    }
    const decoded = validation.right;
    // During a token rotation both sockets send the same events: deliver each once (event-dedupe.ts).
    // The second socket's copy can arrive just after the old socket's session ended, so copies overlap
    // for rotationGrace after an overlap too. The server sends each tick to the subscribers it has (no
    // replay on subscribe), so outside rotations only the latest event is kept: a second socket can
    // repeat nothing older.
    if (!target.dedupe.admit(date.getTime(), decoded, rotating())) return;
    const event: DataEvent<never, unknown> = {
      path,
      params: target.options.params as never,
      results: decoded,
      timestamp: date,
    };
    for (const sink of target.sinks) sink.next(event);
  };

  /** `owner`: what runs the sessions, which can end while this one is still starting. */
  const session = (socket: SocketLike, owner: Subscription): Observable<never> =>
    new RxObservable<never>((subscriber) => {
      sessions += 1;
      /** What this socket's server side has been asked for (absent: not asked, or refused). */
      const sent = new Map<string, Sent>();
      let ready = false;
      const checkReady = () => {
        if (ready || [...sent.values()].some((entry) => entry.status === 'pending')) return;
        ready = true;
        onReady(socket);
      };

      const subscribe = (entry: Wanted) => {
        const timeout = scheduler.schedule(() => {
          sent.set(entry.key, GRANTED); // unanswered, but not to hold up a handover any longer
          fail(
            entry,
            new SubscribeError(
              'ack_timeout',
              `No answer to subscribe ${entry.options.path} within ${ackTimeout} ms`,
              entry.options.path,
              entry.options.params,
            ),
          );
        }, ackTimeout);
        const pending: Sent = { status: 'pending', timeout };
        sent.set(entry.key, pending);
        socket.emit('subscribe', entry.options, (error: unknown) => {
          if (sent.get(entry.key) !== pending) return; // stale: unsubscribed, timed out or resent
          timeout.unsubscribe();
          if (error == null) {
            sent.set(entry.key, GRANTED);
            checkReady();
            return;
          }
          sent.delete(entry.key);
          checkReady();
          const serverMessage = describeReason(error);
          fail(
            entry,
            new SubscribeError(
              'rejected',
              `The server refused ${entry.options.path}: ${serverMessage}`,
              entry.options.path,
              entry.options.params,
              { serverMessage },
            ),
          );
        });
      };
      const unsubscribe = (entry: Wanted) => {
        const asked = sent.get(entry.key);
        if (asked === undefined) return;
        if (asked.status === 'pending') asked.timeout.unsubscribe();
        sent.delete(entry.key);
        if (socket.connected) socket.emit('unsubscribe', entry.options, () => undefined);
      };

      // A listener of its own: two sessions can overlap on one socket (a synchronous refusal retried at
      // once), and the first one's `off` must not remove the second one's listener.
      const onData = (payload: unknown) => route(payload);
      socket.on('data', onData);
      // The session ends with its socket's connection.
      const onDisconnect = () => subscriber.complete();
      socket.on('disconnect', onDisconnect);
      // A refusal answered at once can end this session (or all of them) while it is still starting:
      // stop sending then.
      wanted.forEach((entry) => {
        if (!subscriber.closed && !owner.closed) subscribe(entry);
      });
      checkReady();
      const following = changes.subscribe((change) => {
        if ('added' in change) subscribe(change.added);
        else unsubscribe(change.removed);
      });
      return () => {
        sessions -= 1;
        if (sessions > 0) rotationGraceUntil = scheduler.now() + rotationGrace;
        following.unsubscribe();
        socket.off('data', onData);
        socket.off('disconnect', onDisconnect);
        sent.forEach((asked) => asked.status === 'pending' && asked.timeout.unsubscribe());
        sent.clear(); // so that acks arriving after the session are ignored
      };
    });

  // A session for each connected socket, however many at once: not switchMap, an old token's socket
  // keeps its session until it closes (make-before-break). A lingering connection$ replays its last
  // socket even when that socket is down: its session starts when it connects again (connection$ emits
  // it then). mergeMap's semantics written out (errors pass on; complete once connection$ and every
  // session have), as mergeMap would add 0.3 KB gzip to every browser bundle.
  const sessions$ = new RxObservable<never>((subscriber) => {
    let open = 1;
    const done = () => {
      open -= 1;
      if (open === 0) subscriber.complete();
    };
    const end = (error: unknown) => subscriber.error(error);
    subscriber.add(
      connection$.subscribe({
        next: (socket) => {
          if (!socket.connected || subscriber.closed) return;
          open += 1;
          subscriber.add(session(socket, subscriber).subscribe({ error: end, complete: done }));
        },
        error: end,
        complete: done,
      }),
    );
  }).pipe(shareLatest(true));

  /**
   * One server subscription per (path, canonical params), shared by its local subscribers: the first
   * adds it to what is wanted, the last removes it. Decoded once per event, however many subscribers.
   */
  const stream = <Event>(
    options: SubscriptionOptions,
    results: t.Decoder<unknown, unknown>,
  ): Observable<Event> => {
    const key = subscriptionKey(options.path, options.params);
    return new RxObservable<DataEvent<never, unknown>>((sink) => {
      const existing = wanted.get(key);
      const entry: Wanted = existing ?? {
        key,
        options,
        results,
        // Reports name the envelope's `results` (the values come with each error, not from here).
        context: [
          { key: '', type: DataEnvelope, actual: undefined },
          { key: 'results', type: results as t.Decoder<unknown, unknown> as t.Mixed, actual: undefined },
        ],
        sinks: [],
        keepAlive: undefined,
        dedupe: new EventDedupe(),
      };
      // One decoder per stream: a second decoder for the same server subscription would get the first
      // one's output (or the other way round), so it is refused instead.
      if (entry.results !== results) {
        sink.error(
          new SubscribeError(
            'decoder_conflict',
            `${options.path} with these params is already subscribed with another decoder: subscribe through one endpoint object`,
            options.path,
            options.params,
          ),
        );
        return;
      }
      // Joined before the connection starts, so a failure while it starts reaches this subscriber too.
      entry.sinks = [...entry.sinks, sink];
      if (existing === undefined) {
        wanted.set(key, entry);
        routes.set(options.path, options.params, entry);
        changes.next({ added: entry });
        const keepAlive = sessions$.subscribe({ error: (error: unknown) => fail(entry, error) });
        if (wanted.get(key) === entry) entry.keepAlive = keepAlive;
        else keepAlive.unsubscribe(); // failed while connecting
      }
      return () => {
        if (!entry.sinks.includes(sink)) return; // failed: already removed
        entry.sinks = entry.sinks.filter((other) => other !== sink);
        if (entry.sinks.length === 0) remove(entry);
      };
    }) as Observable<Event>;
  };

  return { stream };
};
