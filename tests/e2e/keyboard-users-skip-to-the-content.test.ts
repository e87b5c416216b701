import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite('internal');

it('offers a visible skip link first and lands in the main content', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/kb/KB-0026/`);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
	const box = await skip.boundingBox();
	expect(box && box.y >= 0).toBe(true);
	// The focus ring must be drawn, not removed.
	await expect(skip.evaluate((el) => getComputedStyle(el).outlineStyle)).resolves.not.toBe('none');
	await page.keyboard.press('Enter');
	await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
	await page.keyboard.press('Tab');
	const inMain = await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false);
	expect(inMain).toBe(true);
	await close();
});

it('reaches every header link with Tab alone', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/`);
	const seen: string[] = [];
	for (let i = 0; i < 10; i++) {
		await page.keyboard.press('Tab');
		seen.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
	}
	await close();
	for (const label of ['Knowledge base', 'FAQ', 'Runbooks', 'Reply templates', 'Support policy']) {
		expect(seen).toContain(label);
	}
});
