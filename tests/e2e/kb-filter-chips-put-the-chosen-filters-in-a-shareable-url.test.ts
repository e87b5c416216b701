import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

const rows = (page: import('playwright-core').Page) => page.locator('.kb-row:visible');

it('writes the pressed chips into the URL, and a shared URL opens the same filtered list', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/kb/`);
	const all = await rows(page).count();
	await page.getByRole('group', { name: 'Severity' }).getByText('high', { exact: true }).click();
	await page.getByRole('group', { name: 'Category' }).getByText('Webhooks', { exact: true }).click();
	await page.waitForURL(`${site.url}/kb/?category=webhooks&severity=high`, { timeout: 10_000 });
	const filtered = await rows(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.category + '/' + (e as HTMLElement).dataset.severity));
	expect(filtered.length).toBeGreaterThan(0);
	expect(filtered.length).toBeLessThan(all);
	expect(new Set(filtered)).toEqual(new Set(['webhooks/high']));

	// Someone opens the copied address: the same chips are pressed and the same rows shown.
	const shared = await openPage(site.browser, page.url());
	await expect
		.poll(() => shared.page.getByRole('group', { name: 'Severity' }).getByRole('radio', { name: 'high' }).isChecked(), { timeout: 10_000 })
		.toBe(true);
	expect(await rows(shared.page).count()).toBe(filtered.length);

	// Clearing the filters takes them out of the URL again.
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await page.waitForURL(`${site.url}/kb/`, { timeout: 10_000 });
	expect(await rows(page).count()).toBe(all);
	expect(problems.pageErrors).toEqual([]);
	await shared.close();
	await close();
});

it('shows the full list for a shared URL naming a filter value that does not exist', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/kb/?severity=urgent`);
	await page.getByRole('group', { name: 'Severity' }).waitFor({ timeout: 10_000 });
	await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${site.url}/kb/`);
	expect(await page.getByRole('group', { name: 'Severity' }).getByRole('radio', { name: 'All' }).isChecked()).toBe(true);
	await close();
});
