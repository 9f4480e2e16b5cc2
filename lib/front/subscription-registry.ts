import type { ServerSocket } from './socket-types';
import type { Topic, ValidSubscription } from './subscription-request';

/** One live subscription as the inspection API shows it. */
export interface SubscriptionInfo {
  readonly socketId: string;
  readonly path: string;
  readonly params: unknown;
}

/** A topic with at least one socket: who wants it, under which spellings (rooms), and its start. */
export interface TopicEntry {
  readonly topic: Topic;
  /** Raw key (a socket.io room) → the path and params its sockets sent, and how many sockets. */
  readonly rooms: Map<string, { readonly path: string; readonly params: unknown; sockets: number }>;
  /** Sockets subscribed, over every room. */
  sockets: number;
  /** The source's answer to starting the topic: `null` once it runs, or the refusal. */
  ready: string | null | Promise<string | null>;
  /** Publications sent to the topic's sockets so far (a socket that saw one needs no image on join). */
  published: number;
}

/**
 * The live subscriptions of every socket (keyed by raw path + canonical params) and, over them, the
 * topics the source serves (canonical path + params), reference-counted.
 */
export interface SubscriptionRegistry {
  /** How many subscriptions the socket holds. */
  countOf(socketId: string): number;
  has(socketId: string, key: string): boolean;
  /** Adds the subscription (once per socket and key); `created` when its topic is new. */
  add(socket: ServerSocket, subscription: ValidSubscription): { entry: TopicEntry; created: boolean };
  /** Removes one subscription; returns its topic when nobody wants it any more. */
  remove(socketId: string, key: string): Topic | undefined;
  /** Removes every subscription of a socket; returns the topics nobody wants any more. */
  removeSocket(socketId: string): Topic[];
  /** Removes a topic with every subscription to it; returns the sockets and keys that held it. */
  dropTopic(topicKey: string): { socket: ServerSocket; key: string }[];
  topic(topicKey: string): TopicEntry | undefined;
  topics(): IterableIterator<TopicEntry>;
  list(): SubscriptionInfo[];
  /** Subscriptions over every socket. */
  readonly size: number;
  /** Distinct topics over every socket. */
  readonly topicCount: number;
}

export const createSubscriptionRegistry = (): SubscriptionRegistry => {
  const bySocket = new Map<string, { socket: ServerSocket; subscriptions: Map<string, ValidSubscription> }>();
  const byTopic = new Map<string, TopicEntry>();
  let size = 0;

  /** Takes one subscription off its topic; the topic when it became empty. */
  const release = (subscription: ValidSubscription): Topic | undefined => {
    const entry = byTopic.get(subscription.topic.key);
    if (entry === undefined) return undefined;
    const room = entry.rooms.get(subscription.key);
    if (room !== undefined && --room.sockets === 0) entry.rooms.delete(subscription.key);
    entry.sockets -= 1;
    if (entry.sockets > 0) return undefined;
    byTopic.delete(subscription.topic.key);
    return entry.topic;
  };

  return {
    countOf: (socketId) => bySocket.get(socketId)?.subscriptions.size ?? 0,
    has: (socketId, key) => bySocket.get(socketId)?.subscriptions.has(key) === true,
    add(socket, subscription) {
      let owner = bySocket.get(socket.id);
      if (owner === undefined) {
        owner = { socket, subscriptions: new Map() };
        bySocket.set(socket.id, owner);
      }
      let entry = byTopic.get(subscription.topic.key);
      const created = entry === undefined;
      if (entry === undefined) {
        entry = { topic: subscription.topic, rooms: new Map(), sockets: 0, ready: null, published: 0 };
        byTopic.set(subscription.topic.key, entry);
      }
      if (owner.subscriptions.has(subscription.key)) return { entry, created };
      owner.subscriptions.set(subscription.key, subscription);
      size += 1;
      entry.sockets += 1;
      const room = entry.rooms.get(subscription.key);
      if (room === undefined) {
        entry.rooms.set(subscription.key, {
          path: subscription.path,
          params: subscription.params,
          sockets: 1,
        });
      } else room.sockets += 1;
      return { entry, created };
    },
    remove(socketId, key) {
      const owner = bySocket.get(socketId);
      const subscription = owner?.subscriptions.get(key);
      if (owner === undefined || subscription === undefined) return undefined;
      owner.subscriptions.delete(key);
      size -= 1;
      return release(subscription);
    },
    removeSocket(socketId) {
      const owner = bySocket.get(socketId);
      if (owner === undefined) return [];
      bySocket.delete(socketId);
      size -= owner.subscriptions.size;
      const emptied: Topic[] = [];
      for (const subscription of owner.subscriptions.values()) {
        const topic = release(subscription);
        if (topic !== undefined) emptied.push(topic);
      }
      return emptied;
    },
    dropTopic(topicKey) {
      const entry = byTopic.get(topicKey);
      if (entry === undefined) return [];
      byTopic.delete(topicKey);
      const dropped: { socket: ServerSocket; key: string }[] = [];
      for (const { socket, subscriptions } of bySocket.values()) {
        for (const key of entry.rooms.keys()) {
          if (subscriptions.delete(key)) {
            size -= 1;
            dropped.push({ socket, key });
          }
        }
      }
      return dropped;
    },
    topic: (topicKey) => byTopic.get(topicKey),
    topics: () => byTopic.values(),
    list() {
      const list: SubscriptionInfo[] = [];
      for (const [socketId, { subscriptions }] of bySocket) {
        for (const { path, params } of subscriptions.values()) list.push({ socketId, path, params });
      }
      return list;
    },
    get size() {
      return size;
    },
    get topicCount() {
      return byTopic.size;
    },
  };
};
