import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_API_KEY } from 'marketprophit-rx/server';
import { runPlatformCheck } from './angular-platform/angular-platform';
import { assert } from './support/assert';
import { launchChromium } from './support/chromium';
import { runCommonChecks } from './support/common-checks';
import type { Suite } from './support/harness';
import { openPage } from './support/page-session';
import { readPageConfig } from './support/page-config';
import { ROOT } from './support/paths';
import { until } from './support/poll';
import { spawnServer } from './support/spawn-server';
import { countZoneTasks } from './support/zone-tasks';

const SECRET = process.env['MARKETPROPHIT_API_KEY'] ?? DEFAULT_API_KEY;
const APP = join(ROOT, 'examples', 'angular');
const STATS = join(APP, 'dist', 'sentiment', 'browser-stats.json');

/** The inputs of the production build (esbuild's metafile, written by `statsJson`). */
const bundledInputs = (): string[] => {
  const stats = JSON.parse(readFileSync(STATS, 'utf8')) as { inputs: Record<string, unknown> };
  return Object.keys(stats.inputs);
};

/** examples/angular (built with `ng build`) in headless Chromium: a growing chart, the badge, no key. */
export const angularSuite: Suite = async (check) => {
  if (!existsSync(STATS)) {
    throw new Error(`examples/angular is not built: cd examples/angular && npm ci && npm run build`);
  }

  await check('bundles the packed package (node_modules/marketprophit-rx/dist) and one rxjs', () => {
    const inputs = bundledInputs();
    const library = inputs.filter((input) => input.includes('marketprophit-rx'));
    assert(
      library.includes('node_modules/marketprophit-rx/dist/index.mjs'),
      `library inputs: ${library.join(', ')}`,
    );
    assert(
      library.every((input) => input.startsWith('node_modules/marketprophit-rx/dist/')),
      `library code from elsewhere: ${library.join(', ')}`,
    );
    const rxjsRoots = new Set(
      inputs.filter((input) => input.includes('node_modules/rxjs/')).map((input) => input.split('rxjs/')[0]),
    );
    assert(rxjsRoots.size === 1, `rxjs copies: ${[...rxjsRoots].join(', ')}`);
  });

  await check(
    'its service opens nothing on the server (SSR), and connects in a browser',
    async () => {
      const runs = await runPlatformCheck();
      const onServer = runs.find((run) => run.platform === 'server');
      const inBrowser = runs.find((run) => run.platform === 'browser');
      assert(
        onServer !== undefined && onServer.tokenRequests + onServer.connections + onServer.events === 0,
        `server platform: ${JSON.stringify(onServer)}`,
      );
      assert(onServer.states.length === 0, `server platform state$: ${onServer.states.join(', ')}`);
      // The same service and server, on the browser platform: the check above can fail.
      assert(
        inBrowser !== undefined &&
          inBrowser.tokenRequests >= 1 &&
          inBrowser.connections >= 1 &&
          inBrowser.events > 0,
        `browser platform: ${JSON.stringify(inBrowser)}`,
      );
    },
    40_000,
  );

  const server = await spawnServer(process.execPath, [join(APP, 'server', 'serve.cjs')], { cwd: APP });
  const browser = await launchChromium();
  try {
    const session = await openPage(browser, server.url);
    const points = async () =>
      (
        (await session.page
          .locator('app-sentiment-chart polyline')
          .getAttribute('points', { timeout: 1_000 })
          .catch(() => null)) ?? ''
      )
        .split(' ')
        .filter(Boolean).length;

    await check('the chart draws the first live points', async () => {
      await until(points, (count) => count >= 2);
    });

    await check('the chart grows as values arrive', async () => {
      const before = await points();
      await until(points, (count) => count > before);
    });

    await check(
      "the socket and its timers stay outside Angular's zone: live data, no zone task",
      async () => {
        const before = await points();
        const { tasks, sources } = await countZoneTasks(session.page, 'angular', 3_000);
        const after = await points();
        assert(after > before, `no value arrived while counting (${before} → ${after} points)`);
        // The socket gets a message every 500 ms: inside the zone, each would be a task (and a change detection).
        assert(tasks === 0, `${tasks} tasks ran in the angular zone: ${sources.join(', ')}`);
      },
    );

    const { url: marketProphitUrl } = await readPageConfig(server.url);
    await runCommonChecks(check, session, {
      pageUrl: server.url,
      marketProphitUrl,
      badgeSelector: 'app-connection-badge .badge',
      secret: SECRET,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
};
