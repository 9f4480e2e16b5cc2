// Entry point of marketprophit-rx/node: Node stream adapters and the JWT proxy route.

/* streams */
export {
  toReadable,
  type ToReadableOptions,
  type ObservableReadable,
  type OverflowPolicy,
} from './to-readable';
export { ndjsonStringify } from './ndjson';
export { StreamOverflowError, isStreamOverflowError, type StreamOverflowErrorCode } from './overflow-error';

/* JWT proxy route */
export { createJwtProxy, type JwtProxyHandler, type NextFunction } from './jwt-proxy';
export type { JwtProxyOptions } from './jwt-proxy-options';
