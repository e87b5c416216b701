import { expect, it } from 'vitest';
import { NO_PROBLEMS, openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('the home search box answers questions as you type, and an entry ID opens its entry', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/`);
	try {
		const main = page.getByRole('main');
		const box = main.getByRole('searchbox', { name: 'Search the help center' });
		await box.click();
		const combobox = main.getByRole('combobox', { name: 'Search the help center' });
		// A question as people type it: Pagefind alone requires "why", "my" and "on" on a page.
		await combobox.fill('why does my agent stall on big tasks');
		const results = main.getByRole('listbox', { name: 'Search results' });
		// The article on stalling agents is among the first answers, though "why", "my", "on" and
		// "big" are on none of its lines together.
		await expect
			.poll(async () => (await results.getByRole('option').allTextContents()).slice(0, 3).join('\n'), {
				timeout: 10_000,
			})
			.toMatch(/^Agent stalls on a very large or complex task /m);
		await expect
			.poll(() => main.getByText(/^Ignored: /).textContent(), { timeout: 10_000 })
			.toMatch(/^Ignored: why, does, my, on\./);

		// An ID in any spelling puts its entry first, and Enter opens it.
		await combobox.fill('kb0026');
		await expect
			.poll(() => results.getByRole('option').first().textContent(), { timeout: 10_000 })
			.toMatch(/^Webhook retries exhausted/);
		await Promise.all([page.waitForURL(`${site.url}/kb/KB-0026/`, { timeout: 10_000 }), combobox.press('Enter')]);
		expect(problems).toEqual(NO_PROBLEMS);
	} finally {
		await close();
	}
});
