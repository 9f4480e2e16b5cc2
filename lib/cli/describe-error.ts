import { isMarketProphitError } from '../errors/marketprophit-error';
import type { ClientStatus, ConnectionProblem } from '../lifecycle/client-state';

/** One line for stderr: `TokenError [unauthorized]: Token request failed with HTTP 401: …`. */
export const describeError = (error: unknown): string => {
  if (isMarketProphitError(error)) return `${error.name} [${error.code}]: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
};

/** One line for a failure the client retries: `Token request … failed: ECONNREFUSED (try 2, again in 1.8 s)`. */
export const describeProblem = (problem: ConnectionProblem): string => {
  // attempt 0: information, not a failure (the default socket switched socket.io clients)
  if (problem.attempt === 0) return problem.message;
  const next =
    problem.retryIn === undefined ? 'giving up' : `again in ${(problem.retryIn / 1000).toFixed(1)} s`;
  return `${problem.message} (try ${problem.attempt}, ${next})`;
};

/** The status line's state: `connected`, or `reconnecting: <why>`. */
export const describeStatus = ({ state, problem }: ClientStatus): string =>
  problem === undefined ? state : `${state}: ${describeProblem(problem)}`;
