import type { AckMode } from './options';

/** Answers acks according to the current {@link AckMode}; delayed acks are cancelled by `dispose`. */
export interface AckPolicy {
  mode: AckMode;
  /** Calls `callback(error)` now, later or never; a missing callback is ignored. */
  reply(callback: unknown, error: string | null): void;
  dispose(): void;
}

export const createAckPolicy = (): AckPolicy => {
  const pending = new Set<NodeJS.Timeout>();
  const policy: AckPolicy = {
    mode: 'normal',
    reply(callback, error) {
      if (typeof callback !== 'function') return;
      const { mode } = policy;
      if (mode === 'withhold') return;
      if (mode === 'normal') {
        callback(error);
        return;
      }
      const timer = setTimeout(() => {
        pending.delete(timer);
        callback(error);
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
