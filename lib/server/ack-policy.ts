import type { AckMode } from './options';

/**
 * Sends acks according to the current {@link AckMode} (the local server's `ack` hook of the front);
 * delayed acks are cancelled by `dispose`.
 */
export interface AckPolicy {
  mode: AckMode;
  /** Sends an ack now, later or never. */
  ack(send: () => void): void;
  dispose(): void;
}

export const createAckPolicy = (): AckPolicy => {
  const pending = new Set<NodeJS.Timeout>();
  const policy: AckPolicy = {
    mode: 'normal',
    ack(send) {
      const { mode } = policy;
      if (mode === 'withhold') return;
      if (mode === 'normal') {
        send();
        return;
      }
      const timer = setTimeout(() => {
        pending.delete(timer);
        send();
      }, mode.delay);
      pending.add(timer);
    },
    dispose() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
  return policy;
};
