import type { SchedulerLike } from 'rxjs';

/**
 * Whether two sockets' copies of events can overlap now: while more than one session runs (a new
 * token's socket taking over from the old one), and for `grace` ms after a session ended while another
 * still ran (the newer socket's copy of an event can arrive just after the older socket's session
 * ended). What the event dedupe (event-dedupe.ts) is told as `overlapping`.
 *
 * The rotation itself (when a new socket opens, when the old one closes) is the lifecycle's decision;
 * this only counts the sessions that decision leaves running.
 */
export interface RotationWindow {
  /** A session started. */
  readonly opened: () => void;
  /** A session ended. */
  readonly closed: () => void;
  /** Whether copies can overlap now; reads the clock only within a grace. */
  readonly overlapping: () => boolean;
}

export const createRotationWindow = (scheduler: SchedulerLike, grace: number): RotationWindow => {
  let sessions = 0;
  /** Until when (scheduler time) a rotation that just ended may still bring a late second copy. */
  let graceUntil = -Infinity;
  return {
    opened: () => {
      sessions += 1;
    },
    closed: () => {
      sessions -= 1;
      if (sessions > 0) graceUntil = scheduler.now() + grace;
    },
    overlapping: () => {
      if (sessions > 1) return true;
      if (graceUntil === -Infinity) return false;
      if (scheduler.now() < graceUntil) return true;
      graceUntil = -Infinity;
      return false;
    },
  };
};
