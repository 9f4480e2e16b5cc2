/**
 * How many of the latest events an {@link EventDedupe} remembers while copies overlap: more than the
 * copies of one event ever lag behind each other (a rotation's second socket, a standby's cluster copy).
 */
export const RECENT_EVENTS = 64;

/**
 * The one rule that tells a second copy of an event from a new event, for one subscription (one path
 * and params): **an event is a repeat when its timestamp and its content are those of one of the latest
 * events remembered.** A different event with the same timestamp is not a repeat, and neither is an
 * event seen before the window (the latest {@link RECENT_EVENTS} events remembered).
 *
 * Copies overlap when more than one source can send the same event: the client's two sockets during a
 * token rotation (and a grace after it), a relay node's own upstream socket and the cluster's copy with
 * a hot standby. Outside an overlap nothing is dropped (a server that sends an event twice on one socket
 * is believed) and only the latest event is remembered, so an idle subscription keeps one event alive.
 *
 * Content is compared by its JSON text (`JSON.stringify`), worked out only when two timestamps are equal,
 * so it suits flat decoded records and validated raw records alike; use one form per dedupe, and keys in
 * the same order (copies of one upstream message are). Pure: no clock, no timers, no I/O; no work
 * allocated per event outside overlaps.
 *
 * @example
 * ```ts
 * const dedupe = new EventDedupe();
 * dedupe.admit(1_000, [{ ticker: 'AAPL' }], true); // true: new, deliver it
 * dedupe.admit(1_000, [{ ticker: 'AAPL' }], true); // false: the same event again, drop it
 * dedupe.admit(1_000, [{ ticker: 'MSFT' }], true); // true: same time, other content
 * ```
 */
export class EventDedupe {
  // The remembered events as parallel arrays (a ring once full): no object per event.
  private readonly times: number[] = [];
  private readonly contents: unknown[] = [];
  /** Each content's JSON text, worked out the first time a timestamp equal to its own is compared. */
  private readonly texts: (string | undefined)[] = [];
  /** Where the next remembered event goes once the ring is full. */
  private next = 0;

  /**
   * Decides about one event and remembers it when it is new.
   *
   * @param at The event's timestamp (epoch ms, as the envelope carries it).
   * @param content What the event says (its `results`); compared by JSON text.
   * @param overlapping Whether a second copy of events can arrive now. When false the event is always
   *   new, and it becomes the only one remembered.
   * @returns `true`: new, deliver it; `false`: a repeat of a remembered event, drop it.
   */
  admit(at: number, content: unknown, overlapping: boolean): boolean {
    const { times, contents, texts } = this;
    let slot = 0;
    if (overlapping) {
      if (this.has(at, content)) return false;
      if (times.length < RECENT_EVENTS) slot = times.length;
      else this.next = ((slot = this.next) + 1) % RECENT_EVENTS;
    } else if (times.length !== 1) this.clear();
    times[slot] = at;
    contents[slot] = content;
    texts[slot] = undefined;
    return true;
  }

  /** Whether an event with this timestamp and content is among those remembered. Remembers nothing. */
  has(at: number, content: unknown): boolean {
    const { times, contents, texts } = this;
    let text: string | undefined;
    for (let index = 0; index < times.length; index += 1) {
      if (times[index] !== at) continue;
      text ??= JSON.stringify(content);
      const seen = (texts[index] ??= JSON.stringify(contents[index]));
      if (seen === text) return true;
    }
    return false;
  }

  /** Forgets every event (e.g. when nobody wants the subscription any more). */
  clear(): void {
    this.times.length = this.contents.length = this.texts.length = this.next = 0;
  }
}
