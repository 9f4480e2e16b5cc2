import type { Topic } from './subscription-request';

/**
 * Where a protocol front's data comes from: generated (the local server) or an upstream client (the
 * relay). The front validates requests, counts sockets per topic and emits; the source only hears
 * when a topic gains its first socket and loses its last, and publishes through the front.
 */
export interface Source {
  /**
   * A topic gained its first socket. Answer `null` when it runs (or will), or the refusal every
   * socket waiting on it gets as its ack error. Throwing or rejecting is a refusal too.
   */
  start(topic: Topic): string | null | Promise<string | null>;
  /** Nobody wants the topic any more (also called while a `start` is pending, or after it refused). */
  stop(topic: Topic): void;
}

/** Sends one publication of a topic to every socket subscribed to it. */
export type Publish = (topicKey: string, results: readonly unknown[], timestamp: string) => void;

/** A topic's latest publication: what a socket that joins it gets first (image on join). */
export interface Image {
  readonly results: readonly unknown[];
  readonly timestamp: string;
}
