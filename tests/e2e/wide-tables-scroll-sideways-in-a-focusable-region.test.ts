import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('keeps the priority matrix words whole and scrolls it sideways by keyboard at 375 px', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/support/priorities/`, {
		viewport: { width: 375, height: 800 },
	});
	const region = page.getByRole('region', { name: 'Table: Priority matrix' });
	await region.waitFor({ timeout: 10_000 });
	// The table is wider than its region, and the page itself does not scroll sideways.
	expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth + 50)).toBe(true);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	// No header is broken inside a word ("Prio rity"): each fits on one line.
	const headers = region.locator('thead th');
	for (const th of await headers.all()) {
		const oneLine = await th.evaluate((el) => {
			const range = document.createRange();
			range.selectNodeContents(el);
			return range.getClientRects().length === 1;
		});
		expect(oneLine, await th.textContent() ?? '').toBe(true);
	}
	// A keyboard user reaches the region and scrolls it with the arrow keys.
	await region.focus();
	expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
	for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((el) => el.scrollLeft), { timeout: 10_000 }).toBeGreaterThan(0);
	await close();
});

it('wraps a Markdown table in a region named after the heading it sits under', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/kb/KB-0024/`, { viewport: { width: 375, height: 800 } });
	const region = page.getByRole('region', { name: 'Table: Diagnosis' });
	await region.waitFor({ timeout: 10_000 });
	expect(await region.getAttribute('tabindex')).toBe('0');
	expect(await region.locator('th', { hasText: 'Meaning' }).count()).toBe(1);
	await close();
});
