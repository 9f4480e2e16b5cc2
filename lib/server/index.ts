// The local Market Prophit-compatible server: `marketprophit-rx/server`.
export { startServer } from './start-server';
export type { LocalServer, ServerStats } from './local-server';
export type { ServerOptions, ApiKeyEntitlements, AckMode } from './options';
export { DEFAULT_API_KEY, DEFAULT_TICKERS } from './options';
export { DEFAULT_LIMITS, type FrontLimits } from '../front/limits';
export type { ServerLogEntry, GeneratedRecord } from './server-log';
export type { SubscriptionInfo } from '../front/subscription-registry';
export type { HandshakeErrorCode } from '../front/token-authority';
export { TICKER_MESSAGE } from '../endpoints/ticker';
export type { JwtClaims } from '../front/jwt';
