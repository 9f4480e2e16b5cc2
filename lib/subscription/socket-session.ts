import { type Observable, type SchedulerLike, type Subscription, Observable as RxObservable } from 'rxjs';
import type { SocketLike } from '../connection/socket-like';
import { SubscribeError } from '../errors/subscribe-error';
import { describeReason } from '../util/describe-reason';
import type { DesiredSubscriptions, Wanted } from './desired-subscriptions';
import type { RotationWindow } from './rotation-window';

/**
 * Where one wanted subscription stands with one socket's server, in the session's table:
 * - `wanted` (not in the table yet): wanted (desired-subscriptions.ts), not asked on this socket;
 * - `sent`: `subscribe` sent, its ack awaited until `timeout` fires;
 * - `granted`: acked, or left unanswered past `ackTimeout` (its subscription failed then; an
 *   `unsubscribe` is still sent, the server may have it);
 * - `refused`: the ack was an error (its subscription failed; nothing to unsubscribe).
 *
 * A subscription no longer wanted leaves the table. A session is ready (can take over from an older
 * socket) once it has asked for everything wanted and none is `sent`.
 */
export type SubscriptionState =
  | { readonly state: 'sent'; readonly timeout: Subscription }
  | { readonly state: 'granted' }
  | { readonly state: 'refused' };

const GRANTED: SubscriptionState = { state: 'granted' };
const REFUSED: SubscriptionState = { state: 'refused' };

export interface SessionOptions {
  readonly desired: DesiredSubscriptions;
  readonly scheduler: SchedulerLike;
  readonly ackTimeout: number;
  /** Every `data` payload the socket receives while the session runs. */
  readonly onData: (payload: unknown) => void;
  /** Every wanted subscription was answered (granted or refused): this socket can take over. */
  readonly onReady: (socket: SocketLike) => void;
  /** Counts the sessions running, to tell when copies of events overlap. */
  readonly rotation: RotationWindow;
}

/**
 * One connected socket's session: sends `subscribe` for everything wanted, then follows the changes
 * (`subscribe` for an addition, `unsubscribe` for a removal) until the socket disconnects (the
 * observable completes) or it is unsubscribed. A refusal or an ack timeout fails the subscription for
 * every session (desired-subscriptions.ts); acks that come after their subscription was removed, resent
 * or timed out, or after the session, are ignored. `owner`: what runs the sessions, which can end while
 * this one is still starting.
 */
export const socketSession = (
  socket: SocketLike,
  owner: Subscription,
  { desired, scheduler, ackTimeout, onData, onReady, rotation }: SessionOptions,
): Observable<never> =>
  new RxObservable<never>((subscriber) => {
    rotation.opened();
    const states = new Map<string, SubscriptionState>();
    let ready = false;
    const checkReady = () => {
      if (ready) return;
      for (const { state } of states.values()) if (state === 'sent') return;
      ready = true;
      onReady(socket);
    };

    const subscribe = (entry: Wanted) => {
      const { path, params } = entry.options;
      const timeout = scheduler.schedule(() => {
        states.set(entry.key, GRANTED); // unanswered, but not to hold up a handover any longer
        desired.fail(
          entry,
          new SubscribeError(
            'ack_timeout',
            `No answer to subscribe ${path} within ${ackTimeout} ms`,
            path,
            params,
          ),
        );
      }, ackTimeout);
      const sent: SubscriptionState = { state: 'sent', timeout };
      states.set(entry.key, sent);
      socket.emit('subscribe', entry.options, (error: unknown) => {
        if (states.get(entry.key) !== sent) return; // stale: unsubscribed, timed out or resent
        timeout.unsubscribe();
        states.set(entry.key, error == null ? GRANTED : REFUSED);
        checkReady();
        if (error == null) return;
        const serverMessage = describeReason(error);
        desired.fail(
          entry,
          new SubscribeError('rejected', `The server refused ${path}: ${serverMessage}`, path, params, {
            serverMessage,
          }),
        );
      });
    };
    const unsubscribe = (entry: Wanted) => {
      const asked = states.get(entry.key);
      if (asked === undefined) return;
      states.delete(entry.key);
      if (asked.state === 'sent') asked.timeout.unsubscribe();
      if (asked.state !== 'refused' && socket.connected) {
        socket.emit('unsubscribe', entry.options, () => undefined);
      }
    };

    // A listener of its own: two sessions can overlap on one socket (a synchronous refusal retried at
    // once), and the first one's `off` must not remove the second one's listener.
    const data = (payload: unknown) => onData(payload);
    socket.on('data', data);
    // The session ends with its socket's connection.
    const disconnected = () => subscriber.complete();
    socket.on('disconnect', disconnected);
    // A refusal answered at once can end this session (or all of them) while it is still starting:
    // stop sending then.
    for (const entry of desired.byKey.values()) if (!subscriber.closed && !owner.closed) subscribe(entry);
    checkReady();
    const following = desired.changes.subscribe((change) => {
      if ('added' in change) subscribe(change.added);
      else unsubscribe(change.removed);
    });
    return () => {
      rotation.closed();
      following.unsubscribe();
      socket.off('data', data);
      socket.off('disconnect', disconnected);
      states.forEach((asked) => asked.state === 'sent' && asked.timeout.unsubscribe());
      states.clear(); // so that acks arriving after the session are ignored
    };
  });
