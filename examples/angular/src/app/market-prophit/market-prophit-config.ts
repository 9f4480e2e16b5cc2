import { InjectionToken } from '@angular/core';

/** What {@link provideMarketProphit} needs. The secret key is not among it: it stays on your server. */
export interface MarketProphitConfig {
  /**
   * Where the socket connects.
   * @default 'https://open.marketprophit.com'
   */
  readonly url?: string;
  /**
   * Your own route that answers `POST` with `{ token }` (e.g. `createJwtProxy` from
   * `marketprophit-rx/node`), on the app's origin.
   * @default '/jwt'
   */
  readonly tokenRoute?: string;
}

export const MARKET_PROPHIT_CONFIG = new InjectionToken<MarketProphitConfig>('MARKET_PROPHIT_CONFIG');
