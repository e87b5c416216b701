import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite('internal');

it('shows each step with a checkbox that can be ticked by keyboard, without JavaScript', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/runbooks/RB-001/`, { javaScriptEnabled: false });
	const boxes = page.getByRole('checkbox');
	expect(await boxes.count()).toBeGreaterThanOrEqual(3);
	const first = boxes.first();
	await expect(first.getAttribute('aria-label')).resolves.toMatch(/^Done: /);
	await first.focus();
	await page.keyboard.press('Space');
	await expect(first.isChecked()).resolves.toBe(true);
	await close();
});

it('prints without the site header, footer or search', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/runbooks/RB-001/`);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
	await expect(page.locator('.site-footer').isVisible()).resolves.toBe(false);
	await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.byteLength).toBeGreaterThan(1000);
	await close();
});
