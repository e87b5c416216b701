import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser.ts';
import { serveSite, siteDir, type SiteServer } from './support/server.ts';

let browser: Browser;
let site: SiteServer;
beforeAll(async () => {
	[browser, site] = await Promise.all([launchBrowser(), serveSite(siteDir())]);
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

describe('a KB permalink', () => {
	it('opens the article at /kb/KB-0026/', async () => {
		const { page, problems, close } = await openPage(browser, `${site.url}/kb/KB-0026/`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/webhook/i);
		await expect(page.locator('.kb-meta').textContent()).resolves.toContain('KB-0026');
		expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], thirdPartyRequests: [] });
		await close();
	});

	it('answers an unknown ID with the 404 page and a search form', async () => {
		const { page, close } = await openPage(browser, `${site.url}/kb/KB-9999/`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
		await expect(page.getByRole('searchbox', { name: 'Search the help center' }).count()).resolves.toBe(1);
		await close();
	});
});
