import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('a shared search link keeps its query in the box without JavaScript', async () => {
	// Outside text: quotes and markup in the query stay text in the box.
	const query = 'api key "401" <b>not working</b>';
	const { page, close } = await openPage(site.browser, `${site.url}/search/?q=${encodeURIComponent(query)}`, {
		javaScriptEnabled: false,
	});
	try {
		const box = page.getByRole('search').getByRole('searchbox', { name: 'Search the help center' });
		await box.waitFor({ timeout: 10_000 });
		expect(await box.inputValue()).toBe(query);
		expect(await page.locator('main b').count()).toBe(0);
		await page.getByText('Search runs in your browser and needs JavaScript').waitFor({ timeout: 10_000 });

		// The visitor edits the query and submits again: the new one is kept the same way.
		await box.fill('webhook retries');
		await Promise.all([
			page.waitForURL(`${site.url}/search/?q=webhook+retries`, { timeout: 10_000 }),
			page.getByRole('search').getByRole('button', { name: 'Search' }).click(),
		]);
		expect(await page.getByRole('search').getByRole('searchbox', { name: 'Search the help center' }).inputValue()).toBe(
			'webhook retries',
		);
	} finally {
		await close();
	}
});
