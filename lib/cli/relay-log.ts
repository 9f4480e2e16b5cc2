import type { RelayProblem, RelayStatusChange } from '../relay/options';
import { describeReason } from '../util/describe-reason';

/** How the `relay` command writes what happens: readable lines, or one JSON object per line. */
export type RelayLogFormat = 'text' | 'json';

/** The lines the `relay` command writes to stderr (problems, status changes, the stop). */
export interface RelayLog {
  problem(problem: RelayProblem): string;
  status(change: RelayStatusChange): string;
  /** A warning at start (e.g. an open host without authorize). */
  warning(message: string): string;
  stopped(signal: string): string;
}

/**
 * One stderr line per relay problem: `upstream problem for <topic>: <reason>`, or for the upstream
 * connection `connection problem: <reason>`; ` (retry in N s)` when the relay says when.
 */
export const problemLine = ({ kind, topic, error, retryIn }: RelayProblem): string =>
  `${kind} problem${topic === '' ? '' : ` for ${topic}`}: ${describeReason(error)}${
    retryIn === undefined ? '' : ` (retry in ${Math.ceil(retryIn / 1000)} s)`
  }\n`;

/** One stderr line per change of upstream or Redis: `upstream down: <reason>`, `redis up`. */
export const statusLine = ({ component, up, reason }: RelayStatusChange): string =>
  `${component} ${up ? 'up' : 'down'}${reason === undefined ? '' : `: ${reason}`}\n`;

/** One JSON object on one line: `time` (ISO 8601), `level`, `event`, then the fields. */
export const jsonLine = (
  level: 'info' | 'warn',
  event: string,
  fields: Record<string, unknown>,
  clock: () => number = Date.now,
): string => `${JSON.stringify({ time: new Date(clock()).toISOString(), level, event, ...fields })}\n`;

export const relayLog = (format: RelayLogFormat, clock: () => number = Date.now): RelayLog =>
  format === 'text'
    ? {
        problem: problemLine,
        status: statusLine,
        warning: (message) => `Warning: ${message}\n`,
        stopped: (signal) => `${signal}: relay stopped\n`,
      }
    : {
        problem: ({ kind, topic, error, retryIn }) =>
          jsonLine(
            'warn',
            'problem',
            {
              kind,
              ...(topic === '' ? {} : { topic }),
              message: describeReason(error),
              ...(retryIn === undefined ? {} : { retryIn }),
            },
            clock,
          ),
        status: ({ component, up, reason }) =>
          jsonLine(
            up ? 'info' : 'warn',
            'status',
            { component, up, ...(reason === undefined ? {} : { reason }) },
            clock,
          ),
        warning: (message) => jsonLine('warn', 'warning', { message }, clock),
        stopped: (signal) => jsonLine('info', 'stopped', { signal }, clock),
      };
