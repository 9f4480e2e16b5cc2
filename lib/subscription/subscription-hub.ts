import { type Observable, type SchedulerLike, Observable as RxObservable } from 'rxjs';
import type * as t from 'io-ts';
import type { DecodeError } from '../errors/decode-error';
import { SubscribeError } from '../errors/subscribe-error';
import type { SocketLike } from '../connection/socket-like';
import { shareLatest } from '../util/share-latest';
import { subscriptionKey } from './canonical-key';
import type { DataEvent, SubscriptionOptions } from './data-event';
import { createDesiredSubscriptions, wantedEntry } from './desired-subscriptions';
import { createRotationWindow } from './rotation-window';
import { createRouter } from './route-event';
import { socketSession } from './socket-session';

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
   * told apart from a new event, in ms: the policy's `rotationGrace` (lib/lifecycle/policy.ts).
   */
  readonly rotationGrace: number;
}

/**
 * Subscriptions are desired state (desired-subscriptions.ts). Each connected socket gets a session
 * (socket-session.ts) that sends `subscribe` for everything wanted, then follows changes while it stays
 * connected; a reconnect or a new token's socket starts a new session. Every session's `data` goes to
 * one router (route-event.ts), which drops the second copy of an event while sessions overlap
 * (rotation-window.ts, event-dedupe.ts). Nothing is emitted while disconnected, so socket.io's offline
 * buffer stays empty.
 */
export const createSubscriptionHub = ({
  connection$,
  scheduler,
  ackTimeout,
  onUnroutable,
  onReady,
  rotationGrace,
}: SubscriptionHubOptions) => {
  const desired = createDesiredSubscriptions();
  const rotation = createRotationWindow(scheduler, rotationGrace);
  const session = {
    desired,
    scheduler,
    ackTimeout,
    onData: createRouter({ desired, rotation, onUnroutable }),
    onReady,
    rotation,
  };

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
          subscriber.add(
            socketSession(socket, subscriber, session).subscribe({ error: end, complete: done }),
          );
        },
        error: end,
        complete: done,
      }),
    );
  }).pipe(shareLatest(true));

  /**
   * One server subscription per (path, canonical params), shared by its local subscribers: the first
   * adds it to what is wanted, the last removes it. Decoded once per event, however many subscribers.
   * `latest` (image on join): a subscriber that joins after the subscription's first event gets its
   * latest event at once, synchronously (the same object, its timestamp as it was), then every new one.
   */
  const stream = <Event>(
    options: SubscriptionOptions,
    results: t.Decoder<unknown, unknown>,
    latest = true,
  ): Observable<Event> => {
    const key = subscriptionKey(options.path, options.params);
    return new RxObservable<DataEvent<never, unknown>>((sink) => {
      const existing = desired.byKey.get(key);
      const entry = existing ?? wantedEntry(key, options, results);
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
        desired.add(entry);
        const keepAlive = sessions$.subscribe({ error: (error: unknown) => desired.fail(entry, error) });
        if (desired.byKey.get(key) === entry) entry.keepAlive = keepAlive;
        else keepAlive.unsubscribe(); // failed while connecting
      } else if (latest && entry.latest !== undefined) sink.next(entry.latest);
      return () => {
        if (!entry.sinks.includes(sink)) return; // failed: already removed
        entry.sinks = entry.sinks.filter((other) => other !== sink);
        if (entry.sinks.length === 0) desired.remove(entry);
      };
    }) as Observable<Event>;
  };

  return { stream };
};
