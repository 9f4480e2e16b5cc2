import { TestScheduler } from 'rxjs/testing';

/** A TestScheduler whose assertions are jest's deep equality. */
export const createTestScheduler = (): TestScheduler =>
  new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/**
 * 5 hours as a gap after a one-frame value: a value in a marble takes a frame, so `a ${FIVE_HOURS} b`
 * puts `b` exactly 300m after `a`.
 */
export const FIVE_HOURS = '299m 59s 999ms';

/**
 * An unsubscription far in virtual time, for streams expected to end by themselves: the token refresh
 * timer never ends, so were a regression to keep such a stream open, `run` would loop forever.
 */
export const BOUNDED = '^ 1000m !';
