import { realTimeEndpoints } from '../endpoints/real-time-endpoints';
import { isRealTimePath } from '../endpoints/real-time-specs';
import type { Image } from '../front/source';
import type { Topic } from '../front/subscription-request';
import { isPlainObject } from '../util/is-plain-object';

/** The form a topic's image is kept in Redis (the owner writes it, every node reads it). */
export const storedImage = ({ results, timestamp }: Image): string => JSON.stringify({ results, timestamp });

/**
 * Reads an image back from Redis, which is as hostile as any network: a string of at most `maxBytes`
 * (checked before parsing), a JSON object with a date `timestamp` and `results` the topic's catalogue
 * codec accepts. Anything else is no image.
 */
export const parseStoredImage = (topic: Topic, stored: unknown, maxBytes: number): Image | undefined => {
  if (typeof stored !== 'string' || stored.length > maxBytes) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  const { results, timestamp } = value;
  if (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp)) || !Array.isArray(results))
    return undefined;
  if (!isRealTimePath(topic.path)) return undefined;
  if (realTimeEndpoints[topic.path].results.validate(results, [])._tag === 'Left') return undefined;
  return { results, timestamp };
};
