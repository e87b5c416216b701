import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveSite, siteDir, type SiteServer } from '../support/server.ts';

/**
 * One browser and one static server over a built edition for the calling test file, started
 * before its tests and closed after them. Pages only staff see (runbooks, reply templates) are in
 * the internal edition, which also has every page of the public one.
 */
export function useBuiltSite(edition: 'public' | 'internal' = 'public'): { readonly browser: Browser; readonly url: string } {
	let browser: Browser | undefined;
	let site: SiteServer | undefined;
	beforeAll(async () => {
		[browser, site] = await Promise.all([launchBrowser(), serveSite(siteDir(edition))]);
	});
	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});
	return {
		get browser() {
			if (!browser) throw new Error('useBuiltSite: the browser is only there inside tests');
			return browser;
		},
		get url() {
			if (!site) throw new Error('useBuiltSite: the server is only there inside tests');
			return site.url;
		},
	};
}
