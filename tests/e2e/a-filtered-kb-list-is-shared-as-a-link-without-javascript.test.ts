import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('a filtered KB list is shared as a link and opens filtered, all without JavaScript', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/kb/`, { javaScriptEnabled: false });
	const shared = await (async () => {
		try {
			const rows = page.locator('.kb-row:visible');
			const all = await rows.count();
			await page.getByRole('group', { name: 'Category' }).getByRole('radio', { name: 'Webhooks' }).check();
			await page.getByRole('group', { name: 'Severity' }).getByRole('radio', { name: 'high' }).check();
			const filtered = await rows.count();
			expect(filtered).toBeGreaterThan(0);
			expect(filtered).toBeLessThan(all);
			// The chips filter at once; this button puts them into the address to copy.
			await Promise.all([
				page.waitForURL(/\/kb\/\?.*category=webhooks.*severity=high/, { timeout: 10_000 }),
				page.getByRole('button', { name: 'Link to these filters' }).click(),
			]);
			return { url: page.url(), filtered };
		} finally {
			await close();
		}
	})();

	// Someone opens the copied address, also without JavaScript: same chips, same rows.
	const other = await openPage(site.browser, shared.url, { javaScriptEnabled: false });
	try {
		const severity = other.page.getByRole('group', { name: 'Severity' });
		await severity.waitFor({ timeout: 10_000 });
		expect(await severity.getByRole('radio', { name: 'high' }).isChecked()).toBe(true);
		expect(await other.page.getByRole('group', { name: 'Category' }).getByRole('radio', { name: 'Webhooks' }).isChecked()).toBe(true);
		const rows = await other.page.locator('.kb-row:visible').evaluateAll((els) =>
			els.map((e) => `${(e as HTMLElement).dataset.category}/${(e as HTMLElement).dataset.severity}`),
		);
		expect(rows).toHaveLength(shared.filtered);
		expect(new Set(rows)).toEqual(new Set(['webhooks/high']));
	} finally {
		await other.close();
	}
});
