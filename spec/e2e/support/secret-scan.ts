import type { Page } from 'playwright-core';
import { findInWindow } from './find-in-window';
import type { TrafficLog } from './traffic-log';

/**
 * Where the page saw `secret`: any url, header, body or socket frame it sent or received, its HTML,
 * its globals, storage and cookies. Throws when part of that could not be read, so that an empty
 * answer means "looked everywhere, found nothing".
 */
export const findSecret = async (page: Page, log: TrafficLog, secret: string): Promise<string[]> => {
  await log.settle();
  const unreadable = log.sightings.filter(({ where }) => where.startsWith('unreadable'));
  if (unreadable.length > 0) {
    throw new Error(
      `could not read every response: ${unreadable.map(({ where, text }) => `${where}: ${text}`).join('; ')}`,
    );
  }
  const places = log.sightings.filter(({ text }) => text.includes(secret)).map(({ where }) => where);
  if ((await page.content()).includes(secret)) places.push('page HTML');
  const scan = await page.evaluate(findInWindow, secret);
  if (scan.exhausted) throw new Error(`the scan of window stopped at its budget (${scan.visited} values)`);
  return [...places, ...scan.found];
};
