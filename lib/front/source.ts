import type { Topic } from './subscription-request';

/**
 * Where a protocol front's data comes from: generated (the local server) or an upstream client (the
 * relay). The front validates requests, counts sockets per topic and emits; the source only hears
 * when a topic gains its first socket and loses its last, and publishes through the front's
 * {@link Broadcast}.
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

/**
 * The other nodes of a cluster, through socket.io's adapter (the relay's Redis adapter); with the
 * default in-memory adapter there are none, and nothing is sent or heard.
 */
export interface Peers {
  /** Sends an event to every other node. */
  serverSideEmit(event: string, ...args: unknown[]): void;
  /** Hears an event another node sent. */
  on(event: string, listener: (...args: unknown[]) => void): void;
}

/** What a source may do with the front's sockets: the only way it reaches them. */
export interface Broadcast {
  /** Sends a publication to this node's sockets subscribed to its topic (nothing when none are). */
  readonly publish: Publish;
  /** Whether a socket of this node wants the topic now. */
  wants(topicKey: string): boolean;
  /** How many of this node's sockets a publication of the topic reaches now. */
  audience(topicKey: string): number;
  /**
   * Drops a topic whose sockets were already acked and disconnects them: their clients reconnect,
   * subscribe again and hear the refusal (the relay, when upstream refuses a topic late).
   */
  hangUp(topicKey: string): void;
  readonly peers: Peers;
}

/** A topic's latest publication: what a socket that joins it gets first (image on join). */
export interface Image {
  readonly results: readonly unknown[];
  readonly timestamp: string;
}
