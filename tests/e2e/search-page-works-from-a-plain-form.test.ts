import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('search page works from a plain form without JavaScript', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/kb/KB-0026/`, {
		javaScriptEnabled: false,
	});
	try {
		// Without JavaScript the header's Search is a link to the search page.
		await Promise.all([
			page.waitForURL(`${site.url}/search/`),
			page.getByRole('banner').getByRole('link', { name: 'Search' }).click(),
		]);
		const form = page.getByRole('search');
		await form.getByRole('searchbox', { name: 'Search the help center' }).fill('webhook retries');
		await Promise.all([
			page.waitForURL(`${site.url}/search/?q=webhook+retries`),
			form.getByRole('button', { name: 'Search' }).click(),
		]);
		const note = page.getByText('Search runs in your browser and needs JavaScript');
		await note.waitFor();
		expect(await note.textContent()).toMatch(/browse the knowledge base or the FAQ\.$/);
		expect(await note.getByRole('link', { name: 'knowledge base' }).getAttribute('href')).toBe(
			'/kb/',
		);
		expect(await note.getByRole('link', { name: 'FAQ' }).getAttribute('href')).toBe('/faq/');
	} finally {
		await close();
	}
});

it('search page shows results for ?q= and keeps the URL in sync with JavaScript', async () => {
	const { page, problems, close } = await openPage(
		site.browser,
		`${site.url}/search/?q=webhook+retries`,
	);
	try {
		const box = page.getByRole('search').getByRole('combobox', { name: 'Search the help center' });
		await expect.poll(() => box.inputValue()).toBe('webhook retries');
		const results = page.getByRole('main').getByRole('listbox', { name: 'Search results' });
		await results.getByRole('option').first().waitFor();
		const names = await results.getByRole('option').allTextContents();
		expect(names.some((name) => /^Webhook retr/i.test(name))).toBe(true);
		expect(await page.getByText('needs JavaScript').isVisible()).toBe(false);

		await box.fill('signature verification');
		await expect.poll(() => page.url()).toBe(`${site.url}/search/?q=signature+verification`);
		await expect.poll(() => results.getByRole('option').first().textContent()).toMatch(/signature/i);

		expect(problems.consoleErrors).toEqual([]);
		expect(problems.pageErrors).toEqual([]);
		expect(problems.failedRequests).toEqual([]);
	} finally {
		await close();
	}
});
