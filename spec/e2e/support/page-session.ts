import type { Browser, Page } from 'playwright-core';
import { recordTraffic, type TrafficLog } from './traffic-log';

export interface PageSession {
  readonly page: Page;
  /** Everything that crossed the page's network boundary since before it loaded. */
  readonly log: TrafficLog;
  /** Uncaught errors and `console.error` messages of the page. */
  readonly errors: readonly string[];
}

/**
 * Opens `url` in a fresh context, recording its traffic and errors from the first request on.
 * `initScript` runs in the page before any of its own scripts.
 */
export const openPage = async (browser: Browser, url: string, initScript?: string): Promise<PageSession> => {
  const context = await browser.newContext();
  if (initScript !== undefined) await context.addInitScript(initScript);
  const page = await context.newPage();
  const log = recordTraffic(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
  return { page, log, errors };
};
