/**
 * A first-in first-out queue with O(1) `shift`: `Array#shift` copies the whole array, which a
 * `highWaterMark` of many thousands would pay on every value once the consumer falls behind.
 */
export class FifoQueue<T> {
  #items: T[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  push(value: T): void {
    this.#items.push(value);
  }

  /** The oldest value, removed; call only when `size > 0`. */
  shift(): T {
    const value = this.#items[this.#head] as T;
    // Let go of the reference (values may be large) and compact once half the array is spent.
    this.#items[this.#head] = undefined as T;
    this.#head += 1;
    if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return value;
  }

  clear(): void {
    this.#items = [];
    this.#head = 0;
  }
}
