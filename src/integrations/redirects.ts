/**
 * Builds the redirects of `content/redirects.yaml`: Astro writes a page at each old URL (meta
 * refresh, canonical link to the new page, `noindex`), and this writes a `_redirects` file for
 * static hosts that read one (Netlify, Cloudflare Pages) to answer with a real 301. The content
 * check reports a broken file; here a broken file only means no redirects.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadRedirects } from '../lib/content-fs.ts';
import { redirectsFileText } from '../lib/urls.ts';

export function contentRedirects(contentDir: string): AstroIntegration {
	const redirects = loadRedirects(contentDir).redirects ?? [];
	return {
		name: 'tierzero:redirects',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({ redirects: Object.fromEntries(redirects.map((r) => [r.from, { status: 301, destination: r.to }])) });
			},
			'astro:build:done': ({ dir }) => {
				writeFileSync(fileURLToPath(new URL('_redirects', dir)), redirectsFileText(redirects));
			},
		},
	};
}
