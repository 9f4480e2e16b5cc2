import type { Image } from '../front/source';

/**
 * What a relay node delivered last for each topic it serves: the image a joining socket gets first,
 * and what tells a second copy of an event (the cluster's, or a standby's) from a new one.
 */
export interface LatestEvents {
  /**
   * Whether a publication is new for the topic (a copy of one already delivered is not); a new one is
   * recorded as the topic's latest.
   */
  admit(topicKey: string, results: readonly unknown[], timestamp: string): boolean;
  /**
   * An image heard elsewhere (the owner's, from Redis): recorded when the topic has nothing newer, as
   * if delivered, so its copy arriving later is not delivered twice.
   */
  seed(topicKey: string, image: Image): void;
  /** The topic's latest publication, if any. */
  image(topicKey: string): Image | undefined;
  /** The topic is no longer served here: its image goes. */
  forget(topicKey: string): void;
  /** Topics held (at most one image each). */
  readonly size: number;
}

const timeOf = (timestamp: string): number => Date.parse(timestamp);

export const createLatestEvents = (): LatestEvents => {
  const latest = new Map<string, Image>();
  return {
    admit(topicKey, results, timestamp) {
      if (latest.get(topicKey)?.timestamp === timestamp) return false;
      latest.set(topicKey, { results, timestamp });
      return true;
    },
    seed(topicKey, image) {
      const held = latest.get(topicKey);
      if (held === undefined || timeOf(held.timestamp) < timeOf(image.timestamp)) latest.set(topicKey, image);
    },
    image: (topicKey) => latest.get(topicKey),
    forget(topicKey) {
      latest.delete(topicKey);
    },
    get size() {
      return latest.size;
    },
  };
};
