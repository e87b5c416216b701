import { describe, expect, it } from 'vitest';
import { NO_PROBLEMS, openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite('internal');

describe('a KB permalink', () => {
	it('opens the article at /kb/KB-0026/', async () => {
		const { page, problems, close } = await openPage(site.browser, `${site.url}/kb/KB-0026/`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/webhook/i);
		await expect(page.locator('.kb-meta').textContent()).resolves.toContain('KB-0026');
		expect(problems).toEqual(NO_PROBLEMS);
		await close();
	});

	it('takes an ID typed in lower case or without the trailing slash to the permalink', async () => {
		for (const [typed, permalink] of [
			['/kb/kb-0026/', '/kb/KB-0026/'],
			['/kb/Kb-0026', '/kb/KB-0026/'],
			['/runbooks/rb-001/', '/runbooks/RB-001/'],
			['/templates/tpl-001?ref=mail#preview', '/templates/TPL-001/?ref=mail#preview'],
		]) {
			const { page, problems, close } = await openPage(site.browser, `${site.url}${typed}`);
			await page.waitForURL(`${site.url}${permalink}`);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.not.toBe(
				'Page not found',
			);
			expect(problems.pageErrors).toEqual([]);
			await close();
		}
	});

	it('leaves an unknown ID on the 404 page at its canonical URL, and other paths where they are', async () => {
		for (const [typed, shown] of [
			['/kb/kb-9999/', '/kb/KB-9999/'],
			['/kb/rb-001/', '/kb/rb-001/'],
			['/kb/kb-0026/extra/', '/kb/kb-0026/extra/'],
		]) {
			const { page, problems, close } = await openPage(site.browser, `${site.url}${typed}`);
			// The script runs before the heading is parsed: once the URL is right, it stays so.
			await page.waitForURL(`${site.url}${shown}`, { waitUntil: 'load' });
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
			expect(new URL(page.url()).pathname).toBe(shown);
			expect(problems.pageErrors).toEqual([]);
			await close();
		}
	});

	it('answers an unknown ID with the 404 page and a search form', async () => {
		const { page, close } = await openPage(site.browser, `${site.url}/kb/KB-9999/`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
		await expect(page.getByRole('searchbox', { name: 'Search the help center' }).count()).resolves.toBe(1);
		await close();
	});
});
