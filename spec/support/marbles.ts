import { TestScheduler } from 'rxjs/testing';

/** A TestScheduler whose assertions are jest's deep equality. */
export const createTestScheduler = (): TestScheduler =>
  new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/**
 * 5 hours as a gap after a one-frame value: a value in a marble takes a frame, so `a ${FIVE_HOURS} b`
 * puts `b` exactly 300m after `a`.
 */
export const FIVE_HOURS = '299m 59s 999ms';
