// The relay: `marketprophit-rx/relay`. Serves the feed to many clients, one upstream subscription per topic.
export { startRelay, type Relay, type RelayStats } from './start-relay';
export type { DefaultClaims, RelayOptions, RelayProblem, RelayStatusChange } from './options';
export type { Authorization, Authorize, AuthorizeContext, RelayClaims } from './access-control';
export type { Entitle, EntitledTopic, Entitlement } from './entitlements';
export type { TrustProxy } from './trust-proxy';
export type { CorsOrigins } from '../front/cors';
export type { ForwardingHeader } from '../util/forwarded-header';
export { DEFAULT_LIMITS, type FrontLimits } from '../front/limits';
