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
} from './errors';

/* endpoint catalogue */
export { realTimeSpecs, type RealTimePath, formatValidationErrors } from './endpoints';
