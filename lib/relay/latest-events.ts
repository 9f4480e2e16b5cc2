import type { Image } from '../front/source';
import { EventDedupe } from '../subscription/event-dedupe';

/** Where a copy of an event reached this node from. */
export type EventOrigin = 'upstream' | 'cluster' | 'image';

export interface LatestEventsOptions {
  /**
   * How long after a copy of a topic's events came one way a copy from another way may still follow,
   * in ms: while it may, the topic's events are told apart by {@link EventDedupe}'s rule over its
   * latest events; otherwise each event is new and only the latest is remembered.
   */
  readonly overlap: number;
  /** The relay's clock (its scheduler's `now`), in ms. */
  readonly now: () => number;
}

/**
 * What a relay node delivered last for each topic it serves: the image a joining socket gets first,
 * and what tells a second copy of an event (the cluster's, a standby's, or one already sent as the
 * image) from a new one, by the one dedupe rule (timestamp and content, {@link EventDedupe}).
 */
export interface LatestEvents {
  /**
   * Whether a copy of an event is new for the topic (a copy of one already delivered is not); a new
   * one becomes the topic's image unless it is older than the image.
   */
  admit(topicKey: string, results: readonly unknown[], timestamp: string, origin: EventOrigin): boolean;
  /**
   * An image heard elsewhere (the owner's, from Redis): taken when the topic has nothing newer, as if
   * delivered, so its copy arriving later is not delivered twice.
   */
  seed(topicKey: string, image: Image): void;
  /** The topic's latest publication, if any. */
  image(topicKey: string): Image | undefined;
  /** The topic is no longer served here: its image and what it remembers go. */
  forget(topicKey: string): void;
  /** Topics held (one image each). */
  readonly size: number;
}

interface Held {
  readonly dedupe: EventDedupe;
  image: Image | undefined;
  /** When a copy last came each way (at most three entries). */
  readonly heard: Map<EventOrigin, number>;
}

export const createLatestEvents = ({ overlap, now }: LatestEventsOptions): LatestEvents => {
  const topics = new Map<string, Held>();
  const heldOf = (topicKey: string): Held => {
    let held = topics.get(topicKey);
    if (held === undefined) {
      held = { dedupe: new EventDedupe(), image: undefined, heard: new Map() };
      topics.set(topicKey, held);
    }
    return held;
  };
  /** Records a copy that came by `origin`; whether a copy from another way may still follow. */
  const overlapping = (held: Held, origin: EventOrigin): boolean => {
    const at = now();
    held.heard.set(origin, at);
    for (const [other, when] of held.heard) if (other !== origin && at - when < overlap) return true;
    return false;
  };
  const keep = (held: Held, image: Image) => {
    if (held.image === undefined || !(Date.parse(image.timestamp) < Date.parse(held.image.timestamp)))
      held.image = image;
  };

  return {
    admit(topicKey, results, timestamp, origin) {
      const held = heldOf(topicKey);
      if (!held.dedupe.admit(Date.parse(timestamp), results, overlapping(held, origin))) return false;
      keep(held, { results, timestamp });
      return true;
    },
    seed(topicKey, image) {
      const held = heldOf(topicKey);
      if (held.image !== undefined && !(Date.parse(held.image.timestamp) < Date.parse(image.timestamp)))
        return;
      held.dedupe.admit(Date.parse(image.timestamp), image.results, overlapping(held, 'image'));
      held.image = image;
    },
    image: (topicKey) => topics.get(topicKey)?.image,
    forget(topicKey) {
      topics.delete(topicKey);
    },
    get size() {
      return topics.size;
    },
  };
};
