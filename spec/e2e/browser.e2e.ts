import { DEFAULT_API_KEY } from 'marketprophit-rx/server';
import { assert } from './support/assert';
import { launchChromium } from './support/chromium';
import { runCommonChecks } from './support/common-checks';
import { findInWindow } from './support/find-in-window';
import type { Suite } from './support/harness';
import { openPage } from './support/page-session';
import { readPageConfig } from './support/page-config';
import { ROOT, TSX_CLI } from './support/paths';
import { until } from './support/poll';
import { spawnServer } from './support/spawn-server';

const SECRET = process.env['MARKETPROPHIT_API_KEY'] ?? DEFAULT_API_KEY;
const NUMBER = /^-?\d+\.\d+$/;

/** examples/browser in headless Chromium: live values, the badge, tokens via the proxy, no key. */
export const browserSuite: Suite = async (check) => {
  const server = await spawnServer(process.execPath, [TSX_CLI, 'examples/browser/serve.ts'], { cwd: ROOT });
  const browser = await launchChromium();
  try {
    await check(
      'the window scan finds a key planted in a page (so its silence means something)',
      async () => {
        const page = await browser.newPage();
        await page.goto(new URL('/config.json', server.url).href); // same origin, no scripts; storage works
        await page.evaluate(
          (planted) => Object.assign(window, { planted: { deep: [`x${planted}x`] } }),
          SECRET,
        );
        const { found } = await page.evaluate(findInWindow, SECRET);
        assert(found.includes('window.planted.deep.0'), `found ${JSON.stringify(found)}`);
        await page.close();
      },
    );

    const session = await openPage(browser, server.url);
    const { page } = session;
    const value = () => page.locator('#value').textContent();
    const updated = () => page.locator('#updated').textContent();

    await check('shows a live AAPL crowd-sentiment value', async () => {
      await until(value, (text) => NUMBER.test(text ?? ''));
    });

    await check('the value keeps changing (new updates arrive)', async () => {
      const firstValue = await value();
      const firstUpdate = await updated();
      await until(updated, (text) => text !== firstUpdate);
      await until(value, (text) => NUMBER.test(text ?? '') && text !== firstValue);
    });

    const { url: marketProphitUrl } = await readPageConfig(server.url);
    await runCommonChecks(check, session, {
      pageUrl: server.url,
      marketProphitUrl,
      badgeSelector: '#state',
      secret: SECRET,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
};
