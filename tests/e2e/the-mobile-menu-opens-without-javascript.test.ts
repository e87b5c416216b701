import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('fits the header on one line at 375 px and opens the menu with JavaScript off', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/kb/`, {
		javaScriptEnabled: false,
		viewport: { width: 375, height: 800 },
	});
	const header = page.locator('.site-header .header-inner');
	const brand = header.locator('.brand');
	const menu = header.getByText('Menu', { exact: true });
	await menu.waitFor({ timeout: 10_000 });
	// One line: the brand, the search link and the menu button share a row.
	const [b, m] = await Promise.all([brand.boundingBox(), menu.boundingBox()]);
	expect(Math.abs(b!.y + b!.height / 2 - (m!.y + m!.height / 2))).toBeLessThan(8);
	expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

	const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
	expect(await links.count()).toBe(0);
	await menu.click();
	// Knowledge base, FAQ and Support policy in the public edition; runbooks and templates internally.
	await expect.poll(() => links.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
	const current = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge base' });
	expect(await current.getAttribute('aria-current')).toBe('page');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'FAQ' }).click();
	await page.waitForURL(`${site.url}/faq/`, { timeout: 10_000 });
	await close();
});

it('shows the links in the header itself on a wide screen, with no menu button', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/`, { viewport: { width: 1280, height: 800 } });
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Support policy' }).waitFor({ timeout: 10_000 });
	expect(await page.getByText('Menu', { exact: true }).isVisible()).toBe(false);
	await close();
});
