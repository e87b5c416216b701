import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';
import { siteDir } from './support/server.ts';
import { builtPages } from './lib/pages.ts';

const site = useBuiltSite('internal');

// Some 200 pages one after another: half an hour allowed, for a machine with every core busy.
it('loads every built page with no console error, page error, failed or third-party request', { timeout: 1_800_000 }, async () => {
	const pages = builtPages(siteDir('internal'));
	expect(pages.length).toBeGreaterThan(100);
	const broken: string[] = [];
	for (const path of pages) {
		const { page, problems, close } = await openPage(site.browser, `${site.url}${path}`);
		await page.waitForLoadState('load');
		const expected404 = path === '/404.html';
		const failed = problems.failedRequests.filter((r) => !(expected404 && r.endsWith('/404.html: HTTP 404')));
		const all = [...problems.consoleErrors.filter((e) => !(expected404 && /404/.test(e))), ...problems.pageErrors, ...failed, ...problems.thirdPartyRequests];
		if (all.length > 0) broken.push(`${path}: ${all.join(' | ')}`);
		await close();
	}
	expect(broken).toEqual([]);
});
