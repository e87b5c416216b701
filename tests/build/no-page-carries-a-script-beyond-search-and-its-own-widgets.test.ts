import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { builtPages } from '../e2e/lib/pages.ts';
import { siteDir } from '../e2e/support/server.ts';

// Reads the built pages from dist/ and opens no browser; how much of this JavaScript loads, and
// when, is tests/e2e/pages-ship-only-the-javascript-they-need.test.ts.

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
		// Code blocks get a copy button; the KB index keeps its filter chips in the URL (a script
		// small enough for Astro to inline).
		if (html.includes('<pre')) allowed.add('CodeCopy');
		if (html.includes('data-kb-filters')) allowed.add('KbFilters').add('inline');
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
