/* client */
export { createClient, type MarketProphitClient } from './client/create-client';
export type {
  RealTimeEndpoint,
  SubscribeParams,
  SubscribeEvent,
  HistoricalEndpoint,
  HistoryParams,
  HistoryResults,
  TakesNoParams,
} from './client/endpoint-arguments';
export type { SubscribeOptions } from './client/subscribe-options';
export type { ClientOptions, ClientOptionsWithApiKey, ClientOptionsWithToken } from './client/options';
export type { ClientState, ClientStatus, ConnectionProblem } from './lifecycle/client-state';

/* lifecycle policy: refresh, backoff, timeouts (the lifecycle's own machinery is not public) */
export {
  defaultPolicy,
  exponentialBackoff,
  type LifecyclePolicy,
  type PolicyOverrides,
  type RetryWait,
  type TokenTiming,
} from './lifecycle/policy';
export {
  defaultTransient,
  type Retryable,
  type TransientOverrides,
  type TransientTable,
} from './lifecycle/transient';
export type { DataEvent, SubscriptionOptions } from './subscription/data-event';

/* tokens */
export { proxyToken } from './token/proxy-token';
export type { TokenSource, TokenRequestContext } from './token/token-source';
export type { FetchLike } from './util/http';

/* sockets */
export type { SocketLike, SocketFactory, SocketFactoryOptions } from './connection/socket-like';
export type { SocketIoVersion } from './connection/socket-choice';

/* errors */
export {
  MarketProphitError,
  isMarketProphitError,
  TokenError,
  isTokenError,
  type TokenErrorCode,
  SubscribeError,
  isSubscribeError,
  type SubscribeErrorCode,
  DecodeError,
  isDecodeError,
  type DecodeErrorCode,
  HistoryError,
  isHistoryError,
  type HistoryErrorCode,
  ConnectionError,
  isConnectionError,
  type ConnectionErrorCode,
} from './errors';

/* endpoint catalogue */
export {
  realTimeSpecs,
  isRealTimePath,
  type RealTimePath,
  type HistoricalPath,
  type FieldKind,
  type FieldSpec,
  realTimeEndpoints,
  type RealTimeEndpoints,
  type ParamsOf,
  type RecordOf,
  type ResultsOf,
  type HistoricalParamsOf,
  type HistoricalRecordOf,
  type HistoricalResultsOf,
  customEndpoint,
  type CustomEndpoint,
  recordCodec,
  recordListCodec,
  type RecordCodec,
  type RecordListCodec,
  type RecordFromFields,
  type FieldsSpec,
  formatValidationErrors,
  DecimalFromString,
  IntegerFromString,
  NullableDecimalFromString,
  DateFromIso,
  Ticker,
} from './endpoints';

// Historical REST (`fetchHistory$`), the historical catalogue and `validateParams` are in
// `marketprophit-rx/history`: most of the library's size, which apps that only stream should not load.
