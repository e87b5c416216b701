import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { NO_PROBLEMS, openPage } from './support/browser.ts';
import { siteDir } from './support/server.ts';
import { builtPages } from './lib/pages.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite('internal');

it('staff search runbooks and templates in the internal edition, which search engines are told to skip', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/search/?q=outage`);
	try {
		await page.getByRole('note').getByText('Internal', { exact: true }).waitFor({ timeout: 10_000 });
		const results = page.getByRole('main').getByRole('listbox', { name: 'Search results' });
		await results.getByRole('option').first().waitFor({ timeout: 10_000 });
		const names = await results.getByRole('option').allTextContents();
		expect(names.some((n) => / Runbook RB-\d{3} /.test(n))).toBe(true);
		expect(names.some((n) => / Reply template /.test(n))).toBe(true);
		expect(problems).toEqual(NO_PROBLEMS);
	} finally {
		await close();
	}

	const dir = siteDir('internal');
	const indexable = builtPages(dir).filter((path) => {
		const html = readFileSync(join(dir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
		return !html.includes('<meta name="robots" content="noindex">');
	});
	expect(indexable).toEqual([]);
	expect(existsSync(join(dir, 'sitemap-index.xml'))).toBe(false);
	expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
});
