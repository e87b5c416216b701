import { expect, it } from 'vitest';
import { NO_PROBLEMS, openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('search finds the webhook retry article despite a typo', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/`);
	try {
		await page.evaluate(() => {
			const w = window as unknown as { searches: unknown[] };
			w.searches = [];
			document.addEventListener('tierzero:search', (e) =>
				w.searches.push((e as CustomEvent).detail),
			);
		});
		await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
		const dialog = page.getByRole('dialog', { name: 'Search the help center' });
		await dialog.getByRole('combobox', { name: 'Search the help center' }).fill('webhok retries');

		// Pagefind alone answers "webhok" with pages that merely contain "web"; the correction
		// searches what the reader meant and says so.
		await dialog.getByText('Showing results for webhook retries').waitFor();
		// An option's text is its accessible name: title, type, KB ID, severity, excerpt.
		const isRetryArticle = (text: string) => /^Webhook retr[^]* KB article KB-\d{4} /i.test(text);
		await expect
			.poll(async () => (await dialog.getByRole('option').allTextContents()).slice(0, 3).some(isRetryArticle))
			.toBe(true);
		await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^\d+ results? for “webhook retries”/);
		const status = (await dialog.getByRole('status').textContent()) ?? '';

		// Once the query settles, analytics hears what was typed and how many results it showed.
		const searches = () =>
			page.evaluate(() => (window as unknown as { searches: unknown[] }).searches);
		await expect.poll(searches).toHaveLength(1);
		expect(await searches()).toEqual([{ query: 'webhok retries', results: parseInt(status, 10) }]);

		// The reader can still insist on the typed words, and is then offered the correction.
		await dialog.getByRole('button', { name: 'search instead for webhok retries' }).click();
		await dialog.getByRole('button', { name: 'webhook retries' }).waitFor();
		await expect.poll(() => dialog.getByText('Did you mean').textContent()).toBe('Did you mean webhook retries?');

		expect(problems).toEqual(NO_PROBLEMS);
	} finally {
		await close();
	}
});
