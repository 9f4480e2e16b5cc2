export { MarketProphitError, isMarketProphitError } from './marketprophit-error';
export { TokenError, isTokenError, type TokenErrorCode } from './token-error';
export { SubscribeError, isSubscribeError, type SubscribeErrorCode } from './subscribe-error';
export { DecodeError, isDecodeError, type DecodeErrorCode } from './decode-error';
export { HistoryError, isHistoryError, type HistoryErrorCode } from './history-error';
export { ConnectionError, isConnectionError, type ConnectionErrorCode } from './connection-error';
