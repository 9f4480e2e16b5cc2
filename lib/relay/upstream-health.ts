import type { MarketProphitClient } from '../client/create-client';
import type { UpstreamStatusPayload } from '../connection/upstream-status-event';
import type { ConnectionProblem } from '../lifecycle/client-state';

/** What the relay knows of its upstream connection: failing (with the client's reason) or not. */
export interface UpstreamHealth {
  /** The current word, as the relay sends it downstream. */
  readonly current: UpstreamStatusPayload;
  dispose(): void;
}

export interface UpstreamHealthDeps {
  readonly client: MarketProphitClient;
  /** Each problem the upstream client reports (every retry included). */
  readonly onProblem: (problem: ConnectionProblem) => void;
  /** Each change between failing and not (never per retry). */
  readonly onChange: (status: UpstreamStatusPayload) => void;
}

/**
 * Watches the relay's upstream client: failing from its first problem until it is `connected` again.
 * A client that is idle or on its way up without a problem yet is no news (it keeps the last word).
 */
export const watchUpstream = ({ client, onProblem, onChange }: UpstreamHealthDeps): UpstreamHealth => {
  let current: UpstreamStatusPayload = { ok: true };
  const problems = client.problems$.subscribe(onProblem);
  const status = client.status$.subscribe(({ state, problem }) => {
    if (state === 'connected' && problem === undefined) {
      if (current.ok) return;
      current = { ok: true };
    } else if (problem !== undefined && problem.kind !== 'upstream') {
      if (!current.ok) return;
      current = {
        ok: false,
        message: `Upstream: ${problem.message}`,
        ...(problem.retryIn === undefined ? {} : { retryIn: problem.retryIn }),
      };
    } else return;
    onChange(current);
  });
  return {
    get current() {
      return current;
    },
    dispose() {
      problems.unsubscribe();
      status.unsubscribe();
    },
  };
};
