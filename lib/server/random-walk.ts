/** A pseudo-random number generator: each call returns the next number in [0, 1). */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for demo data; the same seed gives the same sequence. */
export const mulberry32 = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** FNV-1a of `text` mixed with `seed`: a stable 32-bit seed per stream name. */
export const hashSeed = (seed: number, text: string): number => {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
};

/** Where a walk lives and how far it moves per step. */
export interface WalkRange {
  readonly min: number;
  readonly max: number;
  /** Largest move per step. */
  readonly step: number;
}

/**
 * A bounded random walk that drifts back toward the middle of its range, so it wanders like a market
 * signal instead of sticking to an edge. Returns the next value on each call.
 */
export const randomWalk = (random: Random, { min, max, step }: WalkRange): (() => number) => {
  const middle = (min + max) / 2;
  let value = min + random() * (max - min);
  return () => {
    const pull = (middle - value) * 0.05;
    value = Math.min(max, Math.max(min, value + pull + (random() * 2 - 1) * step));
    return value;
  };
};
