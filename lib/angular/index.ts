/* Angular (≥ 20): providers and signals for the client; zoneless and zone apps, SSR-safe. */
export {
  provideMarketProphit,
  injectMarketProphit,
  type MarketProphitOptions,
} from './provide-market-prophit';
export { injectLatest, injectConnectionStatus } from './signals';
export { inZone } from './zoned-client';
export type { ClientStatus, ClientState, ConnectionProblem } from '../lifecycle/client-state';
