import type { ServerSocket } from './socket-types';
import type { ValidSubscription } from './subscription-request';

/** One live subscription as the inspection API shows it. */
export interface SubscriptionInfo {
  readonly socketId: string;
  readonly path: string;
  readonly params: unknown;
}

/** The live subscriptions of every socket, keyed by raw path + canonical params. */
export interface SubscriptionRegistry {
  /** False when the socket already had this subscription (subscribing twice is one subscription). */
  add(socket: ServerSocket, subscription: ValidSubscription): boolean;
  remove(socketId: string, key: string): void;
  removeSocket(socketId: string): void;
  forEach(visit: (socket: ServerSocket, subscription: ValidSubscription) => void): void;
  list(): SubscriptionInfo[];
  readonly size: number;
}

export const createSubscriptionRegistry = (): SubscriptionRegistry => {
  const bySocket = new Map<string, { socket: ServerSocket; subscriptions: Map<string, ValidSubscription> }>();
  let size = 0;
  return {
    add(socket, subscription) {
      let entry = bySocket.get(socket.id);
      if (entry === undefined) {
        entry = { socket, subscriptions: new Map() };
        bySocket.set(socket.id, entry);
      }
      if (entry.subscriptions.has(subscription.key)) return false;
      entry.subscriptions.set(subscription.key, subscription);
      size += 1;
      return true;
    },
    remove(socketId, key) {
      const entry = bySocket.get(socketId);
      if (entry?.subscriptions.delete(key) === true) size -= 1;
    },
    removeSocket(socketId) {
      const entry = bySocket.get(socketId);
      if (entry === undefined) return;
      size -= entry.subscriptions.size;
      bySocket.delete(socketId);
    },
    forEach(visit) {
      for (const { socket, subscriptions } of bySocket.values()) {
        for (const subscription of subscriptions.values()) visit(socket, subscription);
      }
    },
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
  };
};
