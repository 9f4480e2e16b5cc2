import type { FieldKind } from '../endpoints/field-kind';
import type { WalkRange } from './random-walk';

/**
 * The range a numeric field wanders in, from its name and kind: sentiments in [-1, 1], z-scores around 0,
 * buzz non-negative, counts non-negative integers. Anything unknown gets a sentiment-like range.
 */
export const walkRangeFor = (name: string, kind: FieldKind): WalkRange => {
  if (kind === 'integer') {
    if (/rank/.test(name)) return { min: 1, max: 500, step: 10 };
    return { min: 0, max: 2000, step: 60 };
  }
  if (/z_score/.test(name)) return { min: -3, max: 3, step: 0.25 };
  if (/buzz/.test(name)) return { min: 0, max: 2, step: 0.1 };
  if (/return/.test(name)) return { min: -0.5, max: 0.5, step: 0.02 };
  if (/moving_average/.test(name)) return { min: -1, max: 1, step: 0.02 };
  return { min: -1, max: 1, step: 0.08 };
};
