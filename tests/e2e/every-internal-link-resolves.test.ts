import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { siteDir } from './support/server.ts';
import { builtPages } from './lib/pages.ts';

/** The file a static host would serve for a site-relative URL path. */
function fileFor(dir: string, path: string): string {
	return path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
}

it('links only to pages, anchors and files that exist in the build', () => {
	const dir = siteDir();
	const broken = new Set<string>();
	for (const page of builtPages(dir)) {
		const html = readFileSync(fileFor(dir, page), 'utf8');
		const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
		for (const [, href] of html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)) {
			if (href!.startsWith('#')) {
				if (href!.length > 1 && !ids.has(decodeURIComponent(href!.slice(1)))) broken.add(`${page} → ${href}`);
				continue;
			}
			if (!href!.startsWith('/')) continue;
			const [path, hash] = href!.split('?')[0]!.split('#') as [string, string | undefined];
			const file = fileFor(dir, decodeURI(path));
			if (!existsSync(file)) {
				broken.add(`${page} → ${href}`);
			} else if (hash && file.endsWith('.html')) {
				const target = readFileSync(file, 'utf8');
				if (!target.includes(`id="${decodeURIComponent(hash)}"`)) broken.add(`${page} → ${href} (no such anchor)`);
			}
		}
	}
	expect([...broken]).toEqual([]);
});
