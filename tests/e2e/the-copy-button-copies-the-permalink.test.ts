import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('copies the article permalink and says so', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/kb/KB-0026/`, {
		permissions: ['clipboard-read', 'clipboard-write'],
	});
	await page.getByRole('button', { name: 'Copy link' }).click();
	// The label changes once the clipboard write has finished.
	await expect.poll(() => page.locator('.copy-button').first().textContent()).toBe('Copied');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	// The permalink uses the configured site origin, so it stays valid wherever the agent pastes it.
	expect(copied).toMatch(/^https?:\/\/[^/]+\/kb\/KB-0026\/$/);
	await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied to clipboard' }).count()).toBe(1);
	expect(problems.pageErrors).toEqual([]);
	await close();
});
