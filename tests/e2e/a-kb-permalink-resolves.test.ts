import { describe, expect, it } from 'vitest';
import { NO_PROBLEMS, openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

describe('a KB permalink', () => {
	it('opens the article at /kb/KB-0026/', async () => {
		const { page, problems, close } = await openPage(site.browser, `${site.url}/kb/KB-0026/`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/webhook/i);
		await expect(page.locator('.kb-meta').textContent()).resolves.toContain('KB-0026');
		expect(problems).toEqual(NO_PROBLEMS);
		await close();
	});

	it('answers an unknown ID with the 404 page and a search form', async () => {
		const { page, close } = await openPage(site.browser, `${site.url}/kb/KB-9999/`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
		await expect(page.getByRole('searchbox', { name: 'Search the help center' }).count()).resolves.toBe(1);
		await close();
	});
});
