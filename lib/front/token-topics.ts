/**
 * Distinct topics per token, over every socket that opened with it: one token on many sockets cannot
 * want more than `maxTopicsPerToken` topics. Each socket's subscriptions (as it spelled them) count
 * once per topic they name.
 */
export interface TokenTopics {
  /** Whether the socket may add a subscription to `topicKey` (true when its token already has that topic). */
  allows(token: string, topicKey: string): boolean;
  /** The socket subscribed `key` (its spelling) to `topicKey`. */
  add(socketId: string, token: string, key: string, topicKey: string): void;
  /** The socket no longer has `key`. */
  remove(socketId: string, key: string): void;
  /** The socket is gone. */
  removeSocket(socketId: string): void;
}

export const createTokenTopics = (limit: number): TokenTopics => {
  /** token → topic → subscriptions naming it. */
  const byToken = new Map<string, Map<string, number>>();
  /** socket → its token and its subscriptions (spelled key → topic). */
  const bySocket = new Map<string, { readonly token: string; readonly keys: Map<string, string> }>();

  const release = (token: string, topicKey: string) => {
    const topics = byToken.get(token);
    const count = topics?.get(topicKey);
    if (topics === undefined || count === undefined) return;
    if (count > 1) topics.set(topicKey, count - 1);
    else topics.delete(topicKey);
    if (topics.size === 0) byToken.delete(token);
  };

  return {
    allows(token, topicKey) {
      const topics = byToken.get(token);
      return topics === undefined || topics.has(topicKey) || topics.size < limit;
    },
    add(socketId, token, key, topicKey) {
      let owner = bySocket.get(socketId);
      if (owner === undefined) {
        owner = { token, keys: new Map() };
        bySocket.set(socketId, owner);
      }
      if (owner.keys.has(key)) return;
      owner.keys.set(key, topicKey);
      let topics = byToken.get(token);
      if (topics === undefined) {
        topics = new Map();
        byToken.set(token, topics);
      }
      topics.set(topicKey, (topics.get(topicKey) ?? 0) + 1);
    },
    remove(socketId, key) {
      const owner = bySocket.get(socketId);
      const topicKey = owner?.keys.get(key);
      if (owner === undefined || topicKey === undefined) return;
      owner.keys.delete(key);
      release(owner.token, topicKey);
    },
    removeSocket(socketId) {
      const owner = bySocket.get(socketId);
      if (owner === undefined) return;
      bySocket.delete(socketId);
      for (const topicKey of owner.keys.values()) release(owner.token, topicKey);
    },
  };
};
