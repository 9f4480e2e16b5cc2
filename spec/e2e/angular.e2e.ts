import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_API_KEY } from 'marketprophit-rx/server';
import { assert } from './support/assert';
import { launchChromium } from './support/chromium';
import { runCommonChecks } from './support/common-checks';
import { freePort } from './support/free-port';
import type { Suite } from './support/harness';
import { openPage } from './support/page-session';
import { ROOT } from './support/paths';
import { until } from './support/poll';
import { countZoneTasks } from './support/zone-tasks';
import { spawnServer, type SpawnedServer } from './support/spawn-server';

const SECRET = process.env['MARKETPROPHIT_API_KEY'] ?? DEFAULT_API_KEY;
const APP = join(ROOT, 'examples', 'angular');
const STATS = join(APP, 'dist', 'sentiment', 'browser-stats.json');
/** Where the run leaves its screenshots (look at them; docs/images/ has some of them). */
export const SCREENSHOTS = join(ROOT, 'spec', 'e2e', 'screenshots');

const WIDGET = 'app-sentiment-widget';
const STATUS = `${WIDGET} .status`;

/** The inputs of the production build (esbuild's metafile, written by `statsJson`). */
const bundledInputs = (): string[] => {
  const stats = JSON.parse(readFileSync(STATS, 'utf8')) as { inputs: Record<string, unknown> };
  return Object.keys(stats.inputs);
};

/**
 * The example server (app, POST /jwt, local Market Prophit server) on fixed ports; `paths` restricts
 * the key to those (the server refuses the widget's subscribe to any other).
 */
const serve = (
  ports: { app: number; marketProphit: number },
  apiKey = SECRET,
  paths?: readonly string[],
): Promise<SpawnedServer> =>
  spawnServer(process.execPath, [join(APP, 'server', 'serve.cjs')], {
    cwd: APP,
    env: {
      PORT: String(ports.app),
      MARKETPROPHIT_PORT: String(ports.marketProphit),
      MARKETPROPHIT_API_KEY: apiKey,
      ...(paths === undefined ? {} : { MARKETPROPHIT_PATHS: paths.join(',') }),
    },
  });

const text = async (page: Page, selector: string): Promise<string> =>
  (
    (await page
      .locator(selector)
      .textContent({ timeout: 1_000 })
      .catch(() => null)) ?? ''
  ).trim();

const pointCount = async (page: Page): Promise<number> =>
  (
    (await page
      .locator(`${WIDGET} polyline`)
      .getAttribute('points', { timeout: 1_000 })
      .catch(() => null)) ?? ''
  )
    .split(' ')
    .filter(Boolean).length;

const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator(WIDGET).screenshot({ path: join(SCREENSHOTS, `${name}.png`), timeout: 5_000 });
};

/** examples/angular (zoneless, `marketprophit-rx/angular`, built with `ng build`) in headless Chromium. */
export const angularSuite: Suite = async (check) => {
  if (!existsSync(STATS)) {
    throw new Error(`examples/angular is not built: npm run build:angular-example`);
  }

  await check('bundles the packed package (its /angular entry), one rxjs, no zone.js, no cross-fetch', () => {
    const inputs = bundledInputs();
    // Library modules: the package's files, or the repository's sources (which must not be there).
    // (Not every input naming marketprophit-rx: a checkout's own folder may be called that.)
    const library = inputs.filter(
      (input) =>
        input.includes('node_modules/marketprophit-rx/') || /(^|\/)lib\/[a-z]+\/[\w-]+\.ts$/.test(input),
    );
    for (const entry of ['index.mjs', 'angular.mjs']) {
      assert(
        library.includes(`node_modules/marketprophit-rx/dist/${entry}`),
        `no dist/${entry} among the library inputs: ${library.join(', ')}`,
      );
    }
    assert(
      library.every((input) => input.startsWith('node_modules/marketprophit-rx/dist/')),
      `library code from elsewhere: ${library.join(', ')}`,
    );
    const rxjsRoots = new Set(
      inputs.filter((input) => input.includes('node_modules/rxjs/')).map((input) => input.split('rxjs/')[0]),
    );
    assert(rxjsRoots.size === 1, `rxjs copies: ${[...rxjsRoots].join(', ')}`);
    const unwanted = inputs.filter((input) =>
      /node_modules\/(zone\.js|cross-fetch|node-fetch)\//.test(input),
    );
    assert(unwanted.length === 0, `bundled: ${unwanted.join(', ')}`);
  });

  const ports = { app: await freePort(), marketProphit: await freePort() };
  let server = await serve(ports);
  const browser = await launchChromium();
  try {
    await check(
      'SSR: the server-rendered HTML shows the initial state; no token asked, no socket opened',
      async () => {
        const response = await fetch(server.url);
        const html = await response.text();
        for (const part of [
          'ng-server-context',
          '<app-sentiment-widget',
          'class="widget stale"',
          'Connecting…',
          'waiting for the first reading…',
          '+1.0',
          'now',
        ]) {
          assert(html.includes(part), `no ${part} in the server render: ${html.slice(0, 300)}…`);
        }
        const stats = (await (await fetch(new URL('/stats.json', server.url))).json()) as {
          tokenRouteRequests: number;
          marketProphit: { sockets: number; tokenRequests: number };
        };
        assert(
          stats.tokenRouteRequests === 0 &&
            stats.marketProphit.sockets === 0 &&
            stats.marketProphit.tokenRequests === 0,
          `after the server render: ${JSON.stringify(stats)}`,
        );
      },
    );

    // Marks the server-rendered widget before the app's scripts run: hydration keeps that very node.
    const markServerNode = `document.addEventListener('readystatechange', () => {
      const widget = document.querySelector('${WIDGET} .widget');
      if (document.readyState === 'interactive' && widget) widget.fromServer = true;
    });`;
    const session = await openPage(browser, server.url, markServerNode);
    const { page } = session;

    await check(
      'hydration: the server-rendered widget is kept (not re-created), styled, and goes live',
      async () => {
        await until(
          () => text(page, STATUS),
          (status) => status === 'Live',
        );
        const kept = await page.evaluate(
          (selector) => (document.querySelector(selector) as { fromServer?: boolean } | null)?.fromServer,
          `${WIDGET} .widget`,
        );
        assert(kept === true, 'the widget was rendered anew in the browser, not hydrated');
        const size = await page
          .locator(`${WIDGET} .value`)
          .evaluate((element) => getComputedStyle(element).fontSize);
        assert(size === '48px', `the value's font size is ${size}: the component styles are missing`);
      },
    );

    await check('zoneless: no zone.js in the page, and the widget goes live', async () => {
      assert(
        (await page.evaluate(() => typeof (globalThis as { Zone?: unknown }).Zone)) === 'undefined',
        'Zone is defined',
      );
      await until(
        () => text(page, STATUS),
        (status) => status === 'Live',
      );
    });

    await check('live updates: the value, "as of" time and the sliding chart follow the data', async () => {
      await until(
        () => pointCount(page),
        (count) => count >= 2,
      );
      const before = await pointCount(page);
      await until(
        () => pointCount(page),
        (count) => count > before,
      );
      const value = await text(page, `${WIDGET} .value`);
      assert(/^[+−±]\d\.\d{3}$/.test(value), `value: ${value}`);
      const change = await text(page, `${WIDGET} .change`);
      assert(/^[+−±]\d\.\d{3} over 60 s$/.test(change), `change: ${change}`);
      const asOf = await text(page, `${WIDGET} .as-of`);
      assert(/^as of \d\d:\d\d:\d\d · \d+ s ago$/.test(asOf), `as of: ${asOf}`);
      const ticks = await page.locator(`${WIDGET} .tick`).allTextContents();
      for (const label of ['+1.0', '0', '−1.0', 'now']) {
        assert(ticks.map((tick) => tick.trim()).includes(label), `axis labels: ${ticks.join(', ')}`);
      }
    });

    await runCommonChecks(check, session, {
      pageUrl: server.url,
      marketProphitUrl: `http://127.0.0.1:${ports.marketProphit}`,
      badgeSelector: STATUS,
      connectedText: 'Live',
      secret: SECRET,
    });

    await check(
      "zone mode (the same app with zone.js, /zone/): live data, and no task in Angular's zone from the socket",
      async () => {
        const zoned = await openPage(browser, new URL('/zone/index.html', server.url).href);
        try {
          await until(
            () => text(zoned.page, STATUS),
            (status) => status === 'Live',
          );
          await until(
            () => pointCount(zoned.page),
            (count) => count >= 2,
          );
          const before = await pointCount(zoned.page);
          const { tasks, sources } = await countZoneTasks(zoned.page, 'angular', 3_000);
          const after = await pointCount(zoned.page);
          assert(after > before, `no value arrived while counting (${before} → ${after} points)`);
          // A message every 500 ms: inside the zone, each would be a task (and a change detection).
          assert(tasks === 0, `${tasks} tasks ran in the angular zone: ${sources.join(', ')}`);
          assert(zoned.errors.length === 0, zoned.errors.join('\n'));
        } finally {
          await zoned.page.context().close();
        }
      },
    );

    await check(
      'a server restart: "Reconnecting…" with the data greyed, then live again without a reload',
      async () => {
        await page.evaluate(() => ((globalThis as { sameDocument?: boolean }).sameDocument = true));
        await server.stop();
        await until(
          () => text(page, STATUS),
          (status) => status === 'Reconnecting…',
        );
        const stale = await page.locator(`${WIDGET} .widget`).getAttribute('class');
        assert(stale?.includes('stale') === true, `widget classes while down: ${stale}`);
        await screenshot(page, 'angular-reconnecting');
        server = await serve(ports);
        await until(
          () => text(page, STATUS),
          (status) => status === 'Live',
        );
        const before = await pointCount(page);
        await until(
          () => pointCount(page),
          (count) => count !== before,
        );
        const same = await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument);
        assert(same === true, 'the page was reloaded');
        await screenshot(page, 'angular-live');
      },
      60_000,
    );
  } finally {
    await browser.close();
    await server.stop();
  }

  const wrongKeyPorts = { app: await freePort(), marketProphit: await freePort() };
  const wrongKey = await serve(wrongKeyPorts, 'sk_test_not_a_key_of_this_server');
  const wrongKeyBrowser = await launchChromium();
  try {
    const { page } = await openPage(wrongKeyBrowser, wrongKey.url);
    await check(
      "a wrong key on the server: the page says so, instead of 'authenticating' forever",
      async () => {
        const status = await until(
          () => text(page, STATUS),
          (value) => value.startsWith('Offline: '),
        );
        assert(/refused this server's API key \(upstream HTTP 401\)/.test(status), `status: ${status}`);
        await screenshot(page, 'angular-wrong-key');
      },
    );
  } finally {
    await wrongKeyBrowser.close();
    await wrongKey.stop();
  }

  const restrictedPorts = { app: await freePort(), marketProphit: await freePort() };
  const restricted = await serve(restrictedPorts, SECRET, ['/real-time/tweet-buzz']);
  const restrictedBrowser = await launchChromium();
  try {
    const { page } = await openPage(restrictedBrowser, restricted.url);
    await check("a refused subscribe: the page shows the server's message, not 'Connecting…'", async () => {
      const status = await until(
        () => text(page, STATUS),
        (value) => value.startsWith('Stopped: '),
      );
      assert(
        /The server refused \/real-time\/crowd-sentiment: .*restricted endpoint/.test(status),
        `status: ${status}`,
      );
      await screenshot(page, 'angular-refused-subscribe');
    });
  } finally {
    await restrictedBrowser.close();
    await restricted.stop();
  }
};
