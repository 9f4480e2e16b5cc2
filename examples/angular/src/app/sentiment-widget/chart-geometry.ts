/** One reading: when (ms since the epoch) and the value (−1…+1). */
export interface Reading {
  readonly at: number;
  readonly value: number;
}

/** The plot area inside the SVG, in its own units; the axis labels live in the margins. */
export const PLOT = { left: 44, top: 10, width: 540, height: 180 } as const;
export const VIEW = { width: PLOT.left + PLOT.width + 12, height: PLOT.top + PLOT.height + 26 } as const;

/** The y axis is fixed: sentiment is −1…+1, and a 0.03 move must not look like a crash. */
export const Y_TICKS = [1, 0.5, 0, -0.5, -1] as const;

export const yOf = (value: number): number =>
  PLOT.top + ((1 - Math.max(-1, Math.min(1, value))) / 2) * PLOT.height;

/** x for a time in the sliding window that ends at `now`: the newest point is at the right edge. */
export const xOf = (at: number, now: number, windowMs: number): number =>
  PLOT.left + (1 - (now - at) / windowMs) * PLOT.width;

/** The SVG polyline of the readings inside the window (older ones slide out on the left). */
export const linePoints = (readings: readonly Reading[], now: number, windowMs: number): string =>
  readings
    .filter(({ at }) => now - at <= windowMs)
    .map(({ at, value }) => `${xOf(at, now, windowMs).toFixed(1)},${yOf(value).toFixed(1)}`)
    .join(' ');

/** `+0.027`, `−0.150`: always signed, with a real minus sign. */
export const signed = (value: number, digits = 3): string =>
  `${value < 0 ? '−' : value > 0 ? '+' : '±'}${Math.abs(value).toFixed(digits)}`;

/** `HH:MM:SS` in the viewer's time zone. */
export const clock = (at: number): string => new Date(at).toTimeString().slice(0, 8);
