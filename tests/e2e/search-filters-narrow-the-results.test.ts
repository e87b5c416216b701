import { expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';
import { PAGE_SIZE } from '../../src/lib/search/controller.ts';

const site = useBuiltSite();

/** The result count the live region announces once it differs from `previous`. */
async function announcedCount(dialog: Locator, previous?: number): Promise<number> {
	const status = dialog.getByRole('status');
	let count = Number.NaN;
	await expect
		.poll(
			async () => {
				count = Number(/^(\d+) results?/.exec((await status.textContent()) ?? '')?.[1]);
				return Number.isInteger(count) && count !== previous;
			},
			{ timeout: 10_000 },
		)
		.toBe(true);
	return count;
}

/** The options' text, which is their accessible name: title, type, KB ID, severity, excerpt. */
const optionNames = (dialog: Locator) => dialog.getByRole('option').allTextContents();

it('search filters narrow the results', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/kb/`);
	try {
		await page.keyboard.press('Control+K');
		const dialog = page.getByRole('dialog', { name: 'Search the help center' });
		await dialog.getByRole('combobox').fill('webhook');
		const all = await announcedCount(dialog);
		expect(all).toBeGreaterThan(5);

		// The chips load when the reader opens them, and then count the results shown.
		const toggle = dialog.getByRole('button', { name: /^Filters/ });
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		await toggle.click();
		expect(await toggle.getAttribute('aria-expanded')).toBe('true');
		const kbChip = dialog
			.getByRole('group', { name: 'Type' })
			.getByRole('button', { name: /^KB article/ });
		await expect.poll(() => kbChip.textContent(), { timeout: 10_000 }).toMatch(/^KB article \d+$/);
		expect(Number(/\d+$/.exec((await kbChip.textContent()) ?? '')?.[0])).toBeLessThan(all);
		expect(await kbChip.getAttribute('aria-pressed')).toBe('false');
		await kbChip.click();
		const articles = await announcedCount(dialog, all);
		expect(await kbChip.getAttribute('aria-pressed')).toBe('true');
		expect(articles).toBeLessThan(all);
		const articleNames = await optionNames(dialog);
		expect(articleNames.length).toBe(Math.min(articles, PAGE_SIZE));
		for (const name of articleNames) expect(name).toMatch(/ KB article KB-\d{4} /);
		// Results, badges, highlights and a pressed chip meet WCAG 2.2 AA as far as axe can tell.
		expect(await axeViolations(page, 'dialog')).toEqual([]);

		const highChip = dialog
			.getByRole('group', { name: 'Severity' })
			.getByRole('button', { name: /^High/ });
		await highChip.click();
		const high = await announcedCount(dialog, articles);
		expect(high).toBeLessThan(articles);
		expect(high).toBeGreaterThan(0);
		for (const name of await optionNames(dialog))
			expect(name).toMatch(/ KB article KB-\d{4} high severity /);

		// Releasing the chips brings the results back, step by step.
		await highChip.click();
		expect(await announcedCount(dialog, high)).toBe(articles);
		await kbChip.click();
		expect(await announcedCount(dialog, articles)).toBe(all);

		expect(problems.consoleErrors).toEqual([]);
		expect(problems.pageErrors).toEqual([]);
		expect(problems.failedRequests).toEqual([]);
	} finally {
		await close();
	}
});
