import { isPlatformServer } from '@angular/common';
import { Injectable, NgZone, PLATFORM_ID, inject } from '@angular/core';
import {
  createClient,
  proxyToken,
  type ClientState,
  type MarketProphitClient,
  type RealTimePath,
  type SubscribeEvent,
  type SubscribeParams,
} from 'marketprophit-rx';
import { NEVER, Observable } from 'rxjs';
import { enterZone } from './enter-zone';
import { MARKET_PROPHIT_CONFIG } from './market-prophit-config';

/**
 * The app's one Market Prophit client. Its socket, token refreshes and timers run outside Angular's
 * zone; only the values it delivers enter it. On the server (SSR) it opens nothing: every stream is
 * `NEVER`, so a server render shows the initial state and the browser takes over.
 * Provide it with `provideMarketProphit(…)`.
 */
@Injectable()
export class MarketProphitService {
  private readonly zone = inject(NgZone);
  private readonly client: MarketProphitClient | undefined = this.createClientInBrowser();

  /** The connection's state (`idle`, `authenticating`, `connecting`, `connected`, …), for a badge. */
  readonly state$: Observable<ClientState> = this.fromClient((client) => client.state$);

  /**
   * Live `data` events of one real-time endpoint, typed by its path.
   * @example service.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' })
   */
  subscribe$<P extends RealTimePath>(path: P, ...params: SubscribeParams<P>): Observable<SubscribeEvent<P>> {
    return this.fromClient((client) => client.subscribe$(path, ...params));
  }

  private createClientInBrowser(): MarketProphitClient | undefined {
    if (isPlatformServer(inject(PLATFORM_ID))) return undefined;
    const { url, tokenRoute = '/jwt' } = inject(MARKET_PROPHIT_CONFIG);
    return createClient({ url, token: proxyToken(tokenRoute) });
  }

  /** Subscribes outside the zone (so the socket's callbacks are registered there) and delivers inside. */
  private fromClient<T>(pick: (client: MarketProphitClient) => Observable<T>): Observable<T> {
    const { client, zone } = this;
    if (client === undefined) return NEVER;
    return new Observable<T>((subscriber) =>
      zone.runOutsideAngular(() => pick(client).pipe(enterZone(zone)).subscribe(subscriber)),
    );
  }
}
