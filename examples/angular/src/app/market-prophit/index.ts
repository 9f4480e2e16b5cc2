export { provideMarketProphit } from './provide-market-prophit';
export { MarketProphitService } from './market-prophit.service';
export { MARKET_PROPHIT_CONFIG, type MarketProphitConfig } from './market-prophit-config';
export { enterZone } from './enter-zone';
