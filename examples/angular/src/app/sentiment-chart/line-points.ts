/** The chart's drawing area, in SVG user units. */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Kept free on every side, so the line's stroke is not clipped. */
  readonly inset: number;
}

/**
 * An SVG `points` list for `values`, left to right, scaled so the lowest value touches the bottom
 * and the highest the top (a flat series sits in the middle).
 */
export const linePoints = (values: readonly number[], { width, height, inset }: ChartBox): string => {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low;
  const stepX = values.length > 1 ? (width - 2 * inset) / (values.length - 1) : 0;
  const y = (value: number) =>
    span === 0 ? height / 2 : inset + (1 - (value - low) / span) * (height - 2 * inset);
  return values
    .map((value, index) => `${(inset + index * stepX).toFixed(1)},${y(value).toFixed(1)}`)
    .join(' ');
};
