import { previewJson } from './json-text';

const messageOf = (reason: unknown): string | undefined => {
  if (typeof reason === 'string') return reason;
  try {
    const message = (reason as { message?: unknown } | null)?.message;
    return typeof message === 'string' && message !== '' ? message : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A reason someone else gave (an ack's error, a rejected promise) as text of at most `max` characters:
 * a string as it is, an `Error` or any object with a `message` by that message, anything else as
 * bounded JSON (`{"code":42}`). Never `"[object Object]"`, never throws.
 */
export const describeReason = (reason: unknown, max = 500): string => {
  const text = messageOf(reason) ?? previewJson(reason, max);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
};

/**
 * `reason` if it is an `Error`, else an `Error` whose message is {@link describeReason}'s text for it
 * and whose `cause` is `reason` itself.
 */
export const toError = (reason: unknown): Error =>
  reason instanceof Error ? reason : new Error(describeReason(reason), { cause: reason });
