import * as t from 'io-ts';
import { delay, filter, race, type SchedulerLike, type Subscription, take, timer } from 'rxjs';
import {
  customEndpoint,
  isDecodeError,
  isRealTimePath,
  isSubscribeError,
  type MarketProphitClient,
  realTimeEndpoints,
} from '../index';
import type { LifecyclePolicy } from '../lifecycle/policy';
import { describeReason } from '../util/describe-reason';
import type { Publish, Source } from '../front/source';
import type { Topic } from '../front/subscription-request';

export interface UpstreamSourceDeps {
  readonly client: MarketProphitClient;
  readonly publish: Publish;
  /**
   * The relay's policy (the upstream client's, with the relay's `linger`): `linger` is how long a topic
   * nobody wants stays subscribed upstream (a quick re-subscribe reuses it); `retryWait` spaces
   * re-subscriptions of a topic whose stream failed (bad records, an ack timeout); `refusedFor` is how
   * long a refusal stands (a topic or the key refused, or any failure the client gave up on); half of
   * `ackTimeout` is the longest a new topic's subscribers wait for their ack (see {@link SETTLE}), so
   * clients with the same ack timeout hear in time.
   */
  readonly policy: LifecyclePolicy;
  /** The upstream client's scheduler: every wait is on it. */
  readonly scheduler: SchedulerLike;
  /** `retryIn`: when the relay re-subscribes (a retried failure) or asks upstream again (a refusal), in ms. */
  readonly onProblem: (topic: Topic, error: unknown, retryIn: number) => void;
  /**
   * Upstream refused a topic after its subscribers were acked (the refusal came later than `settle`,
   * or on a re-subscription): the relay hangs up on them, so their clients re-subscribe and get the
   * refusal as their ack error (it is remembered for `policy.refusedFor` ms or the backoff).
   */
  readonly onLateRefusal: (topic: Topic, message: string) => void;
  /** The topic is no longer held upstream (its linger ended, it was refused, or the relay closes). */
  readonly onDropped?: (topic: Topic) => void;
}

/**
 * How long after the upstream connection is up a new topic waits for a refusal before its subscribers
 * are acked, in ms (the client's public API signals refusals, not acceptance); at most half the
 * policy's `ackTimeout`.
 */
export const SETTLE = 300;

export interface UpstreamSource extends Source {
  /** Topics subscribed upstream right now (lingering ones included). */
  readonly size: number;
  /** Whether the topic is held upstream (lingering included). */
  has(topicKey: string): boolean;
  dispose(): void;
}

/**
 * Validates `results` with the catalogue's codec and passes the wire form through unchanged: the relay
 * checks upstream's records once and forwards exactly what upstream sent.
 */
const validatedRaw = (codec: t.Decoder<unknown, unknown>): t.Type<unknown, unknown, unknown> =>
  new t.Type<unknown, unknown, unknown>(
    `Validated<${codec.name}>`,
    (_u): _u is unknown => true,
    (u, context) => {
      const checked = codec.validate(u, context);
      return checked._tag === 'Left' ? checked : t.success(u);
    },
    t.identity,
  );

/** The message upstream gave, as it gave it (SubscribeError's serverMessage), or what else failed. */
const refusalOf = (error: unknown): string =>
  (isSubscribeError(error) ? error.serverMessage : undefined) ?? describeReason(error);

/** A failure of one topic's stream worth re-subscribing soon: bad records, an unanswered subscribe. */
const isRetried = (error: unknown): boolean =>
  isDecodeError(error) || (isSubscribeError(error) && error.code === 'ack_timeout');

/** A refusal: its reason answers the topic's subscribers until `until`; `attempt` counts refusals in a row. */
interface Refusal {
  readonly reason: string;
  readonly until: number;
  readonly attempt: number;
}

interface Entry {
  readonly topic: Topic;
  subscription: Subscription | undefined;
  waiting: Subscription | undefined;
  /** Its subscribers were acked: a refusal from now on is a late one. */
  acked: boolean;
  ready: Promise<string | null>;
  lingering: Subscription | undefined;
  retrying: Subscription | undefined;
  /** Retried failures in a row (the backoff's attempt); 0 again on the next event. */
  failures: number;
}

/**
 * The relay's source: one `subscribe$` on the upstream client per topic (the client's own
 * make-before-break hides token rotation and reconnects), its events validated once and published to
 * the topic's sockets. A refusal upstream is the topic's ack error downstream.
 */
export const createUpstreamSource = (deps: UpstreamSourceDeps): UpstreamSource => {
  const { client, publish, policy, scheduler, onProblem, onLateRefusal } = deps;
  const ackWait = policy.ackTimeout / 2;
  const settle = Math.min(SETTLE, ackWait);
  const entries = new Map<string, Entry>();
  const refusals = new Map<string, Refusal>();

  /** Remembers a refusal for `refusedFor` (longer after refusals in a row); the message says until when. */
  const refuse = (topic: Topic, error: unknown): string => {
    const attempt = (refusals.get(topic.key)?.attempt ?? 0) + 1;
    const wait = Math.max(policy.refusedFor, policy.retryWait(attempt));
    const refusal = { reason: refusalOf(error), until: scheduler.now() + wait, attempt };
    refusals.set(topic.key, refusal);
    onProblem(topic, error, wait);
    return messageOf(refusal);
  };
  const messageOf = ({ reason, until }: Refusal): string =>
    `${reason} (the relay asks upstream again in ${Math.max(1, Math.ceil((until - scheduler.now()) / 1000))} s)`;

  const endpointOf = (topic: Topic) => {
    const codecs = isRealTimePath(topic.path) ? realTimeEndpoints[topic.path] : undefined;
    if (codecs === undefined) throw new Error(`Not a real-time path of the catalogue: ${topic.path}`);
    return customEndpoint(topic.path, validatedRaw(codecs.results), t.UnknownRecord);
  };

  const drop = (entry: Entry) => {
    entry.lingering?.unsubscribe();
    entry.retrying?.unsubscribe();
    entry.subscription?.unsubscribe();
    entry.waiting?.unsubscribe();
    if (entries.get(entry.topic.key) !== entry) return;
    entries.delete(entry.topic.key);
    deps.onDropped?.(entry.topic);
  };

  /** Subscribes upstream; `settled` hears the first outcome (null: running, or the refusal). */
  const subscribe = (entry: Entry, settled: (error: string | null) => void) => {
    const { topic } = entry;
    entry.subscription = client.subscribe$(endpointOf(topic), topic.params).subscribe({
      next: (event) => {
        settled(null);
        entry.failures = 0;
        refusals.delete(topic.key);
        publish(topic.key, event.results as readonly unknown[], event.timestamp.toISOString());
      },
      error: (error: unknown) => {
        entry.subscription = undefined;
        if (!isRetried(error)) {
          // Upstream refused the topic, or the client gave up (the key refused, say): the topic's
          // subscribers hear why, and nobody asks upstream again for a while.
          const message = refuse(topic, error);
          drop(entry);
          if (entry.acked) onLateRefusal(topic, message);
          else settled(message);
          return;
        }
        // Bad records, an ack timeout: a gap for this topic, then again after the backoff.
        entry.failures += 1;
        const wait = policy.retryWait(entry.failures);
        onProblem(topic, error, wait);
        settled(null);
        if (entries.get(topic.key) !== entry) return;
        entry.retrying = scheduler.schedule(() => {
          entry.retrying = undefined;
          if (entries.get(topic.key) === entry) subscribe(entry, () => undefined);
        }, wait);
      },
    });
  };

  return {
    start(topic) {
      const existing = entries.get(topic.key);
      if (existing !== undefined) {
        existing.lingering?.unsubscribe();
        existing.lingering = undefined;
        return existing.ready;
      }
      const refused = refusals.get(topic.key);
      if (refused !== undefined && refused.until > scheduler.now()) return messageOf(refused);
      let resolve!: (error: string | null) => void;
      const settled = (error: string | null) => {
        entry.acked ||= error === null;
        resolve(error);
      };
      const entry: Entry = {
        topic,
        subscription: undefined,
        waiting: undefined,
        acked: false,
        ready: new Promise<string | null>((done) => (resolve = done)),
        lingering: undefined,
        retrying: undefined,
        failures: 0,
      };
      entries.set(topic.key, entry);
      // Acked once upstream is connected and has not refused within `settle` (or on the first event).
      entry.waiting = race(
        client.status$.pipe(
          filter((status) => status.state === 'connected'),
          take(1),
          delay(settle, scheduler),
        ),
        timer(ackWait, scheduler),
      )
        .pipe(take(1))
        .subscribe(() => settled(null));
      subscribe(entry, settled);
      return entry.ready;
    },
    stop(topic) {
      const entry = entries.get(topic.key);
      if (entry === undefined || entry.lingering !== undefined) return;
      entry.lingering = scheduler.schedule(() => drop(entry), policy.linger);
    },
    get size() {
      return entries.size;
    },
    has: (topicKey) => entries.has(topicKey),
    dispose() {
      for (const entry of [...entries.values()]) drop(entry);
    },
  };
};
