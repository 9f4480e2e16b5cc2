import { assert } from './assert';
import type { Check } from './harness';
import type { PageSession } from './page-session';
import { until } from './poll';
import { findSecret } from './secret-scan';

export interface CommonCheckOptions {
  /** The example's page. */
  readonly pageUrl: string;
  /** The local Market Prophit server's url (the socket's peer; the page must not ask it for tokens). */
  readonly marketProphitUrl: string;
  /** The connection badge. */
  readonly badgeSelector: string;
  /** What the badge says once connected. @default 'connected' */
  readonly connectedText?: string;
  /** The key the example server holds. */
  readonly secret: string;
}

/**
 * The checks every example shares, after its own: the badge says connected, tokens came from the
 * page's own `POST /jwt`, the secret key never reached the page, and nothing went wrong in it.
 */
export const runCommonChecks = async (
  check: Check,
  { page, log, errors }: PageSession,
  { pageUrl, marketProphitUrl, badgeSelector, connectedText = 'connected', secret }: CommonCheckOptions,
): Promise<void> => {
  await check(`the connection badge says ${connectedText}`, async () => {
    await until(
      () => page.locator(badgeSelector).textContent(),
      (text) => text?.trim() === connectedText,
    );
  });

  await check('its token came from POST /jwt on its own origin, never from Market Prophit directly', () => {
    const ownRoute = new URL('/jwt', pageUrl).href;
    const proxied = log.responses.filter(({ method, url }) => method === 'POST' && url === ownRoute);
    assert(proxied.length > 0, `no POST ${ownRoute} in ${JSON.stringify(log.responses)}`);
    assert(
      proxied.every(({ status }) => status === 200),
      `POST /jwt answered ${proxied.map(({ status }) => status).join(', ')}`,
    );
    const upstream = log.responses.filter(({ url }) => url.startsWith(`${marketProphitUrl}/jwt`));
    assert(
      upstream.length === 0,
      `the page asked Market Prophit for a token itself: ${JSON.stringify(upstream)}`,
    );
  });

  await check('the secret key never reached the page (traffic, HTML, globals, storage)', async () => {
    const places = await findSecret(page, log, secret);
    assert(places.length === 0, `the key was seen in: ${places.join(', ')}`);
    assert(log.sightings.length > 0, 'recorded no traffic at all, so the scan proves nothing');
  });

  await check('no errors in the page', () => {
    assert(errors.length === 0, errors.join('\n'));
  });
};
