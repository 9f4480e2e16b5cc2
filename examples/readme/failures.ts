// README "What happens when things go wrong": the reason a UI or a log can show, and the policy. Type-checked, not run.
import { createClient, exponentialBackoff } from 'marketprophit-rx';

declare const badge: { textContent: string };
declare const log: { warn(message: string, error: unknown): void };
const url = 'http://127.0.0.1:4000';
const apiKey = process.env.MARKETPROPHIT_API_KEY;

// snippet:start status
const client = createClient({ url, apiKey });

client.status$.subscribe(({ state, problem }) => {
  // state: 'idle' | 'authenticating' | 'connecting' | 'connected' | 'reconnecting' | 'failed'
  // problem (while not connected): { kind, message, error, attempt, retryIn?, at }
  badge.textContent = problem ? `${state}: ${problem.message}` : state;
});
client.problems$.subscribe((problem) => log.warn(problem.message, problem.error));
// snippet:end status

// snippet:start policy
const tuned = createClient({
  url,
  apiKey,
  policy: {
    tokenTimeout: 5_000,
    connectTimeout: 5_000,
    retryWait: exponentialBackoff(500, 30_000),
    retryAttempts: 10,
    healthyAfter: 60_000,
    // refresh at 80 % of the token's lifetime instead of a minute before `exp`:
    refreshIn: ({ fetchedAt, expiresAt }, { refreshEvery }) =>
      expiresAt === undefined ? refreshEvery : 0.8 * (expiresAt - fetchedAt),
  },
});
// snippet:end policy
void tuned;
