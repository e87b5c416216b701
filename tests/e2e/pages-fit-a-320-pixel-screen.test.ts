import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser.ts';
import { serveSite, siteDir, type SiteServer } from './support/server.ts';
import { REPRESENTATIVE_PAGES } from './lib/pages.ts';

let browser: Browser;
let site: SiteServer;
beforeAll(async () => {
	[browser, site] = await Promise.all([launchBrowser(), serveSite(siteDir())]);
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

it.each(REPRESENTATIVE_PAGES)('%s needs no sideways scrolling at 320 px', async (path) => {
	const { page, close } = await openPage(browser, `${site.url}${path}`, { viewport: { width: 320, height: 640 } });
	// Wide tables and code blocks scroll inside their own box; the page itself must not.
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	await close();
	expect(width).toBeLessThanOrEqual(320);
});
