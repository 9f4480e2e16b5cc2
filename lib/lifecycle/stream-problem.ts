import { toError } from '../util/describe-reason';
import type { ConnectionProblem } from './client-state';

/**
 * The problem a status shows for one stream that ended with `reason` (the server refused it, a payload
 * failed its codec) at `now` (the client's scheduler clock): kind `subscription`, not retried. The
 * client's own status never shows these; the Angular status does, while that stream stays ended.
 */
export const streamProblem = (reason: unknown, now: number): ConnectionProblem => {
  const error = toError(reason);
  return { kind: 'subscription', message: error.message, error, attempt: 1, at: now };
};
