import * as t from 'io-ts';
import { delay, filter, race, type Subscription, take, timer } from 'rxjs';
import {
  customEndpoint,
  isRealTimePath,
  isSubscribeError,
  type MarketProphitClient,
  realTimeEndpoints,
} from '../index';
import type { Publish, Source } from '../server/source';
import type { Topic } from '../server/subscription-request';

export interface UpstreamSourceDeps {
  readonly client: MarketProphitClient;
  readonly publish: Publish;
  /** How long a topic nobody wants stays subscribed upstream, in ms (a quick re-subscribe reuses it). */
  readonly linger: number;
  /**
   * How long after the upstream connection is up a new topic waits for a refusal before its
   * subscribers are acked, in ms (the client's public API signals refusals, not acceptance).
   */
  readonly settle: number;
  /** Longest wait for that, in ms: below the clients' own ack timeout (10 s by default). */
  readonly ackWait: number;
  /** Wait before re-subscribing a topic whose upstream stream failed (bad records, lost token), in ms. */
  readonly retryDelay: number;
  readonly onProblem: (topic: Topic, error: unknown) => void;
  /**
   * Upstream refused a topic after its subscribers were acked (the refusal came later than `settle`,
   * or on a re-subscription): the relay hangs up on them, so their clients re-subscribe and get the
   * refusal as their ack error (it is remembered for `refusalMemory` ms).
   */
  readonly onLateRefusal: (topic: Topic, message: string) => void;
  /** How long a refusal answers new subscribers of its topic without asking upstream again, in ms. */
  readonly refusalMemory: number;
}

export interface UpstreamSource extends Source {
  /** Topics subscribed upstream right now (lingering ones included). */
  readonly size: number;
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

/** The message upstream gave (the client prefixes it with what it was refusing). */
const refusalOf = (error: Error, path: string): string => {
  const prefix = `The server refused ${path}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
};

interface Entry {
  readonly topic: Topic;
  subscription: Subscription | undefined;
  waiting: Subscription | undefined;
  /** Its subscribers were acked: a refusal from now on is a late one. */
  acked: boolean;
  ready: Promise<string | null>;
  lingering: NodeJS.Timeout | undefined;
  retrying: NodeJS.Timeout | undefined;
}

/**
 * The relay's source: one `subscribe$` on the upstream client per topic (the client's own
 * make-before-break hides token rotation and reconnects), its events validated once and published to
 * the topic's sockets. A refusal upstream is the topic's ack error downstream.
 */
export const createUpstreamSource = (deps: UpstreamSourceDeps): UpstreamSource => {
  const { client, publish, linger, settle, ackWait, retryDelay, onProblem, onLateRefusal, refusalMemory } =
    deps;
  const entries = new Map<string, Entry>();
  const refusals = new Map<string, { readonly message: string; readonly until: number }>();

  const endpointOf = (topic: Topic) => {
    const codecs = isRealTimePath(topic.path) ? realTimeEndpoints[topic.path] : undefined;
    if (codecs === undefined) throw new Error(`Not a real-time path of the catalogue: ${topic.path}`);
    return customEndpoint(topic.path, validatedRaw(codecs.results), t.UnknownRecord);
  };

  const drop = (entry: Entry) => {
    clearTimeout(entry.lingering);
    clearTimeout(entry.retrying);
    entry.subscription?.unsubscribe();
    entry.waiting?.unsubscribe();
    if (entries.get(entry.topic.key) === entry) entries.delete(entry.topic.key);
  };

  /** Subscribes upstream; `settled` hears the first outcome (null: running, or the refusal). */
  const subscribe = (entry: Entry, settled: (error: string | null) => void) => {
    const { topic } = entry;
    entry.subscription = client.subscribe$(endpointOf(topic), topic.params).subscribe({
      next: (event) => {
        settled(null);
        publish(topic.key, event.results as readonly unknown[], event.timestamp.toISOString());
      },
      error: (error: unknown) => {
        entry.subscription = undefined;
        if (isSubscribeError(error) && error.code === 'rejected') {
          const message = refusalOf(error, topic.path);
          refusals.set(topic.key, { message, until: Date.now() + refusalMemory });
          onProblem(topic, error);
          drop(entry);
          if (entry.acked) onLateRefusal(topic, message);
          else settled(message);
          return;
        }
        // Bad records, an ack timeout, a token refused: a gap for this topic, then again.
        onProblem(topic, error);
        settled(null);
        if (entries.get(topic.key) !== entry) return;
        entry.retrying = setTimeout(() => {
          entry.retrying = undefined;
          if (entries.get(topic.key) === entry) subscribe(entry, () => undefined);
        }, retryDelay);
      },
    });
  };

  return {
    start(topic) {
      const existing = entries.get(topic.key);
      if (existing !== undefined) {
        clearTimeout(existing.lingering);
        existing.lingering = undefined;
        return existing.ready;
      }
      const refused = refusals.get(topic.key);
      if (refused !== undefined && refused.until > Date.now()) return refused.message;
      refusals.delete(topic.key);
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
      };
      entries.set(topic.key, entry);
      // Acked once upstream is connected and has not refused within `settle` (or on the first event).
      entry.waiting = race(
        client.status$.pipe(
          filter((status) => status.state === 'connected'),
          take(1),
          delay(settle),
        ),
        timer(ackWait),
      )
        .pipe(take(1))
        .subscribe(() => settled(null));
      subscribe(entry, settled);
      return entry.ready;
    },
    stop(topic) {
      const entry = entries.get(topic.key);
      if (entry === undefined || entry.lingering !== undefined) return;
      entry.lingering = setTimeout(() => drop(entry), linger);
    },
    get size() {
      return entries.size;
    },
    dispose() {
      for (const entry of [...entries.values()]) drop(entry);
    },
  };
};
