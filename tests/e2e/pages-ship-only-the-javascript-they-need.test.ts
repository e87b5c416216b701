import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';
import { siteDir } from './support/server.ts';
import { builtPages } from './lib/pages.ts';

const site = useBuiltSite('internal');

/** Which component a bundled script belongs to, from Astro's file naming. */
function owner(src: string): string {
	return /\/_astro\/([A-Za-z-]+)\.astro_astro_type_script/.exec(src)?.[1] ?? src;
}

it('puts no script on a page beyond the search island and that page’s own widgets', () => {
	const unexpected: string[] = [];
	for (const path of builtPages(siteDir('internal'))) {
		const file = path.endsWith('.html') ? path : `${path}index.html`;
		const html = readFileSync(join(siteDir('internal'), file), 'utf8');
		const allowed = new Set(['Search']);
		if (html.includes('class="copy-button') || html.includes('copy-button"')) allowed.add('CopyButton');
		if (html.includes('template-filler')) allowed.add('TemplateFiller');
		// The search page is all about search: its own script, and an inline one that hides the
		// "needs JavaScript" note before first paint.
		if (path === '/search/') allowed.add('search').add('inline');
		// The 404 page takes an entry ID typed in lower case to its permalink.
		if (path === '/404.html') allowed.add('inline');
		const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
			.map((m) => m[1]!)
			.filter((attrs) => !/type="application\/ld\+json"/.test(attrs));
		for (const attrs of scripts) {
			const src = /src="([^"]+)"/.exec(attrs)?.[1];
			if (!src) {
				if (!allowed.has('inline')) unexpected.push(`${path}: inline script`);
			}
			else if (!allowed.has(owner(src))) unexpected.push(`${path}: ${owner(src)}`);
		}
	}
	expect(unexpected).toEqual([]);
});

it('loads under 8 KB of JavaScript and no search index until search is opened', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/faq/`);
	const scripts: string[] = [];
	// Body reads are kept and settled before the page closes: a read that outlives the page
	// rejects after the test, and vitest fails the whole run on that unhandled rejection.
	const sizes: Promise<number>[] = [];
	const onResponse = (response: Response): void => {
		if (response.request().resourceType() === 'script') {
			scripts.push(response.url());
			const size = response.body().then((body) => body.byteLength);
			size.catch(() => {});
			sizes.push(size);
		}
	};
	page.on('response', onResponse);
	await page.reload({ waitUntil: 'networkidle' });
	expect(scripts.some((s) => s.includes('/pagefind/'))).toBe(false);
	const bytes = (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0);
	expect(bytes).toBeGreaterThan(0);
	expect(bytes).toBeLessThan(8 * 1024);
	await page.keyboard.press('/');
	await expect.poll(() => scripts.some((s) => s.includes('/pagefind/pagefind.js'))).toBe(true);
	await Promise.allSettled(sizes);
	page.off('response', onResponse);
	await close();
});
