import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { NO_PROBLEMS, openPage } from './support/browser.ts';
import { siteDir } from './support/server.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite('public');

/** Every file of the public edition as text; Pagefind's gzipped index chunks unpacked. */
function texts(dir: string): [string, string][] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((d) => d.isFile())
		.map((d) => {
			const path = join(d.parentPath, d.name);
			const bytes = readFileSync(path);
			const unpacked = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
			return [relative(dir, path), unpacked.toString('latin1')] as [string, string];
		});
}

it('customers searching for an outage find no runbook or reply template', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/search/?q=outage`);
	try {
		const results = page.getByRole('main').getByRole('listbox', { name: 'Search results' });
		await results.getByRole('option').first().waitFor({ timeout: 10_000 });
		const names = await results.getByRole('option').allTextContents();
		expect(names.length).toBeGreaterThan(0);
		expect(names.filter((n) => / (Runbook|Reply template) /.test(n))).toEqual([]);
		expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).not.toContain('Runbooks');
		expect(problems).toEqual(NO_PROBLEMS);
	} finally {
		await close();
	}

	// Nothing of the internal edition is in any file a customer can fetch: pages, search index,
	// sitemap, JSON API, scripts.
	const leaks = texts(siteDir('public')).flatMap(([file, text]) =>
		[...text.matchAll(/RB-\d{3}|TPL-\d{3}|\/runbooks\/|\/templates\/|api\/(?:runbooks|templates)/g)].map((m) => `${file}: ${m[0]}`),
	);
	expect(leaks).toEqual([]);
});
