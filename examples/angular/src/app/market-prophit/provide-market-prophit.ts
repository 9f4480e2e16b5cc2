import { makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { MARKET_PROPHIT_CONFIG, type MarketProphitConfig } from './market-prophit-config';
import { MarketProphitService } from './market-prophit.service';

/**
 * Provides {@link MarketProphitService} app-wide.
 * @example bootstrapApplication(App, { providers: [provideMarketProphit({ tokenRoute: '/jwt' })] })
 */
export const provideMarketProphit = (config: MarketProphitConfig = {}): EnvironmentProviders =>
  makeEnvironmentProviders([{ provide: MARKET_PROPHIT_CONFIG, useValue: config }, MarketProphitService]);
