import { expect, it } from 'vitest';
import { NO_PROBLEMS, openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('a result whose words are in one section opens that section, and one that matches the title opens the page', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/`);
	try {
		const clicks: unknown[] = [];
		await page.exposeFunction('recordClick', (detail: unknown) => clicks.push(detail));
		await page.evaluate(() =>
			document.addEventListener('tierzero:result-click', (e) =>
				(window as unknown as { recordClick(d: unknown): void }).recordClick(
					(e as CustomEvent).detail,
				),
			),
		);
		const dialog = page.getByRole('dialog', { name: 'Search the help center' });
		const combobox = dialog.getByRole('combobox', { name: 'Search the help center' });

		// None of these words is in the title or summary of KB-0025; all are in its Root cause.
		await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
		await combobox.fill('CI logs that echo variables and screenshots');
		await dialog
			.getByRole('status')
			.filter({ hasText: 'for “CI logs that echo variables and screenshots”' })
			.waitFor();
		const result = dialog.getByRole('option', { name: /^Rotating a leaked or expiring API key/ });
		await expect
			.poll(() => result.textContent())
			.toMatch(/^Rotating a leaked or expiring API key › Root cause section /);
		await expect.poll(() => result.locator('mark').allTextContents()).toContain('screenshots.');
		await result.click();
		await page.waitForURL(`${site.url}/kb/KB-0025/#root-cause`);
		await expect
			.poll(() =>
				page.getByRole('heading', { name: 'Root cause' }).evaluate((h) => {
					const box = h.getBoundingClientRect();
					return box.top >= 0 && box.top < window.innerHeight;
				}),
				{ timeout: 10_000 },
			)
			.toBe(true);
		// Analytics counts the click for the article, whichever section it opened (the page's
		// report reaches this process asynchronously).
		await expect.poll(() => clicks).toEqual([
			{
				query: 'CI logs that echo variables and screenshots',
				rank: expect.any(Number),
				target: '/kb/KB-0025/',
			},
		]);

		await page.keyboard.press('/');
		await combobox.fill('rotating a leaked api key');
		await dialog
			.getByRole('status')
			.filter({ hasText: 'for “rotating a leaked api key”' })
			.waitFor();
		const titled = dialog.getByRole('option').first();
		await expect.poll(() => titled.textContent()).toMatch(/^Rotating a leaked or expiring API key KB article/);
		await titled.click();
		await page.waitForURL(`${site.url}/kb/KB-0025/`);

		expect(problems).toEqual(NO_PROBLEMS);
	} finally {
		await close();
	}
});
