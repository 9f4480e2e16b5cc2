import fc from 'fast-check';
import { EventDedupe, RECENT_EVENTS } from '../../lib/subscription/event-dedupe';

const RUNS = { numRuns: 300 };

// Few timestamps and contents, so that sequences repeat themselves often.
const at = fc.integer({ min: 0, max: 3 });
const content = fc.oneof(
  fc.constantFrom([{ ticker: 'AAPL', score: '0.5' }], [{ ticker: 'MSFT', score: '0.5' }], [], {}),
  fc.jsonValue({ maxDepth: 2 }),
);
const step = fc.record({ at, content, overlapping: fc.boolean() });

/** The rule written as plainly as possible: the remembered events as a list of (timestamp, JSON). */
const model = () => {
  let remembered: { at: number; text: string }[] = [];
  return (event: { at: number; content: unknown; overlapping: boolean }): boolean => {
    const text = JSON.stringify(event.content);
    if (!event.overlapping) {
      remembered = [{ at: event.at, text }];
      return true;
    }
    if (remembered.some((seen) => seen.at === event.at && seen.text === text)) return false;
    remembered = [...remembered, { at: event.at, text }].slice(-RECENT_EVENTS);
    return true;
  };
};

describe('EventDedupe', () => {
  it('decides every event as the plain rule does (timestamp and JSON of the content, the latest 64)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const dedupe = new EventDedupe();
        const expected = model();
        for (const event of steps) {
          expect(dedupe.admit(event.at, event.content, event.overlapping)).toBe(expected(event));
        }
      }),
      RUNS,
    );
  });

  it('never drops an event whose (timestamp, content) pair is new', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const dedupe = new EventDedupe();
        const seen = new Set<string>();
        for (const event of steps) {
          const pair = JSON.stringify([event.at, event.content]);
          const admitted = dedupe.admit(event.at, event.content, event.overlapping);
          if (!seen.has(pair)) expect(admitted).toBe(true);
          seen.add(pair);
        }
      }),
      RUNS,
    );
  });

  it('outside an overlap drops nothing, not even the same event twice', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at, content }), { maxLength: 40 }), (events) => {
        const dedupe = new EventDedupe();
        for (const event of events) {
          expect(dedupe.admit(event.at, event.content, false)).toBe(true);
          expect(dedupe.admit(event.at, event.content, false)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('during an overlap drops the exact repeat of any of the latest 64 events, whatever came between', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ at: fc.integer(), content }), {
          minLength: 1,
          maxLength: 2 * RECENT_EVENTS,
          selector: (event) => JSON.stringify([event.at, event.content]),
        }),
        fc.nat(),
        (events, pick) => {
          const dedupe = new EventDedupe();
          for (const event of events) expect(dedupe.admit(event.at, event.content, true)).toBe(true);
          const window = events.slice(-RECENT_EVENTS);
          const repeat = window[pick % window.length] as (typeof events)[number];
          // A copy: another object with the same JSON.
          const copy = JSON.parse(JSON.stringify(repeat.content)) as unknown;
          expect(dedupe.admit(repeat.at, copy, true)).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('the latest event outside an overlap is remembered for the overlap that follows, and only it', () => {
    const dedupe = new EventDedupe();
    dedupe.admit(1, ['a'], true);
    dedupe.admit(2, ['b'], false);
    expect(dedupe.admit(2, ['b'], true)).toBe(false); // the second socket's copy of the latest
    expect(dedupe.admit(1, ['a'], true)).toBe(true); // forgotten: outside the overlap only the latest is kept
  });

  it(`forgets what falls out of the window of ${RECENT_EVENTS} events: the oldest first`, () => {
    const dedupe = new EventDedupe();
    for (let time = 0; time <= RECENT_EVENTS + 1; time += 1) dedupe.admit(time, 'x', true);
    expect(dedupe.has(0, 'x')).toBe(false);
    expect(dedupe.has(1, 'x')).toBe(false);
    expect(dedupe.has(2, 'x')).toBe(true);
    expect(dedupe.has(RECENT_EVENTS + 1, 'x')).toBe(true);
  });

  it('compares decoded records (Dates, numbers) and raw records by their JSON text, not by identity', () => {
    const dedupe = new EventDedupe();
    const decoded = () => [{ ticker: 'AAPL', when: new Date(5), score: 0.25 }];
    expect(dedupe.admit(5, decoded(), true)).toBe(true);
    expect(dedupe.admit(5, decoded(), true)).toBe(false);
    expect(dedupe.admit(5, [{ ticker: 'AAPL', when: new Date(6), score: 0.25 }], true)).toBe(true);
    const raw = new EventDedupe();
    expect(raw.admit(5, [{ ticker: 'AAPL', score: '0.25' }], true)).toBe(true);
    expect(raw.admit(5, [{ ticker: 'AAPL', score: '0.25' }], true)).toBe(false);
    expect(raw.admit(5, [{ ticker: 'AAPL', score: '0.26' }], true)).toBe(true);
  });

  it('a different event with the same timestamp is new; the same content at another timestamp too', () => {
    const dedupe = new EventDedupe();
    expect(dedupe.admit(7, ['a'], true)).toBe(true);
    expect(dedupe.admit(7, ['b'], true)).toBe(true);
    expect(dedupe.admit(8, ['a'], true)).toBe(true);
  });

  it('has() remembers nothing; clear() forgets everything', () => {
    const dedupe = new EventDedupe();
    expect(dedupe.has(1, 'x')).toBe(false);
    expect(dedupe.admit(1, 'x', true)).toBe(true);
    dedupe.clear();
    expect(dedupe.admit(1, 'x', true)).toBe(true);
  });
});
