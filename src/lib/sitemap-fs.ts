import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listEntryFiles } from './content-fs.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { canonicalPermalink, kbPath } from './permalinks.ts';

/**
 * The sitemap lists pages search engines should index: not archived KB articles (kept only so
 * old links work) and not the lower-case permalink aliases, which redirect.
 */
export function sitemapFilter(contentRoot: string): (url: string) => boolean {
	const hidden = new Set<string>();
	for (const file of listEntryFiles(join(contentRoot, 'kb'))) {
		const source = readFileSync(file, 'utf8');
		// Only an archived article is left out, and its frontmatter says `archived`: the YAML of
		// a file without the word need not be parsed (seconds for thousands of articles).
		if (!source.includes('archived')) continue;
		try {
			const { data } = splitFrontmatter(source);
			if (data.status === 'archived' && typeof data.id === 'string') hidden.add(kbPath(data.id));
		} catch {
			// A broken file fails the build with its own message; the sitemap need not repeat it.
		}
	}
	return (url) => {
		const path = new URL(url).pathname;
		return !hidden.has(path) && canonicalPermalink(path) === null;
	};
}
