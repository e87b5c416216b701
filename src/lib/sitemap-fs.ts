import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkedKbArticles, listEntryFiles } from './content-fs.ts';
import { splitEntryFrontmatter } from './frontmatter.ts';
import { canonicalPermalink, kbPath } from './permalinks.ts';

/** The pages of archived KB articles, read from the articles themselves. */
function archivedPagesFromFiles(contentRoot: string): Set<string> {
	const hidden = new Set<string>();
	for (const file of listEntryFiles(join(contentRoot, 'kb'))) {
		const source = readFileSync(file, 'utf8');
		// Only an archived article is left out, and its frontmatter says `archived`: the YAML of
		// a file without the word need not be parsed (seconds for thousands of articles).
		if (!source.includes('archived')) continue;
		try {
			const { data } = splitEntryFrontmatter(source);
			if (data.status === 'archived' && typeof data.id === 'string') hidden.add(kbPath(data.id));
		} catch {
			// A broken file fails the build with its own message; the sitemap need not repeat it.
		}
	}
	return hidden;
}

/** The pages of archived KB articles: as the build's content check read them, or from the files. */
function archivedPages(contentRoot: string): Set<string> {
	const checked = checkedKbArticles(contentRoot);
	if (!checked) return archivedPagesFromFiles(contentRoot);
	return new Set(checked.filter((a) => a.status === 'archived').map((a) => kbPath(a.id)));
}

/**
 * The sitemap lists pages search engines should index: not archived KB articles (kept only so
 * old links work) and not the lower-case permalink aliases, which redirect.
 *
 * The archived articles are looked up at the first URL, when the sitemap is written: by then the
 * build's content check has read every article (checkedKbArticles), and its statuses are used
 * rather than every file read again. Without such a check, the files are read.
 */
export function sitemapFilter(contentRoot: string): (url: string) => boolean {
	let hidden: Set<string> | undefined;
	return (url) => {
		hidden ??= archivedPages(contentRoot);
		const path = new URL(url).pathname;
		return !hidden.has(path) && canonicalPermalink(path) === null;
	};
}
