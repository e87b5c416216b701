import { expect, it } from 'vitest';
import { NO_PROBLEMS, openPage } from './support/browser.ts';
import { siteDir } from './support/server.ts';
import { useBuiltSite } from './lib/site.ts';
import { filesAsText } from '../build/support/build.ts';

const site = useBuiltSite('public');

it('customers searching for an outage find no runbook or reply template', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/search/?q=outage`);
	try {
		const results = page.getByRole('main').getByRole('listbox', { name: 'Search results' });
		await results.getByRole('option').first().waitFor({ timeout: 10_000 });
		const names = await results.getByRole('option').allTextContents();
		expect(names.length).toBeGreaterThan(0);
		expect(names.filter((n) => / (Runbook|Reply template) /.test(n))).toEqual([]);
		expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).not.toContain('Runbooks');
		expect(problems).toEqual(NO_PROBLEMS);
	} finally {
		await close();
	}

	// Nothing of the internal edition is in any file a customer can fetch: pages, search index,
	// sitemap, JSON API, scripts.
	const leaks = filesAsText(siteDir('public')).flatMap(([file, text]) =>
		[...text.matchAll(/RB-\d{3}|TPL-\d{3}|\/runbooks\/|\/templates\/|api\/(?:runbooks|templates)/g)].map((m) => `${file}: ${m[0]}`),
	);
	expect(leaks).toEqual([]);
});
