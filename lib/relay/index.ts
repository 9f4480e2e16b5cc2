// The relay: `marketprophit-rx/relay`. Serves the feed to many clients, one upstream subscription per topic.
export { startRelay, type Relay, type RelayStats } from './start-relay';
export type { RelayOptions, RelayProblem, RelayStatusChange } from './options';
export { DEFAULT_LIMITS, type FrontLimits } from '../server/limits';
