/**
 * Links written in article bodies that lead nowhere: a page the build does not make, a page
 * without the trailing slash every URL of the site has, or a `#section` the target does not
 * have. Checked from the content alone (see routes.ts), so a writer's pull request fails with
 * the file, the line and the link, before anything is built.
 */
import GithubSlugger from 'github-slugger';
import { canonicalPermalink } from './permalinks.ts';

/** One link found in a body, as written. */
export interface FoundLink {
	url: string;
	/** 0-based line in the body. */
	line: number;
}

/**
 * Markdown inline links and images `](url)` (one level of parentheses inside the URL, as
 * CommonMark allows), HTML/JSX `href="url"`, and `[ref]: url` definitions.
 */
const LINK_PATTERNS = [
	/\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g,
	/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g,
	/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g,
];

/** The lines of a Markdown body outside fenced code blocks, with their 0-based numbers. */
export function proseLineEntries(body: string): [text: string, line: number][] {
	const out: [string, number][] = [];
	let fence: string | null = null;
	body.split('\n').forEach((text, line) => {
		const f = /^\s*(```+|~~~+)/.exec(text);
		if (f) {
			if (fence === null) fence = f[1]!;
			else if (f[1]!.startsWith(fence)) fence = null;
			return;
		}
		if (fence === null) out.push([text, line]);
	});
	return out;
}

/** The links of a Markdown body, outside fenced and inline code, with their lines. */
export function linksIn(body: string): FoundLink[] {
	return linksInProse(proseLineEntries(body));
}

/** {@link linksIn} over a body's prose lines ({@link proseLineEntries}). */
export function linksInProse(prose: readonly [text: string, line: number][]): FoundLink[] {
	const found: FoundLink[] = [];
	for (const [raw, line] of prose) {
		// Every pattern needs a `]` or a `=`, and taking out code spans only takes characters out:
		// a line with neither has no link (most prose lines; the check reads every line of every entry).
		if (!raw.includes(']') && !raw.includes('=')) continue;
		const text = raw.replace(/`[^`]*`/g, '');
		for (const pattern of LINK_PATTERNS) {
			for (const m of text.matchAll(pattern)) {
				const url = m[1] ?? m[2] ?? m[3];
				if (url) found.push({ url, line });
			}
		}
	}
	return found;
}

/** The text a heading line renders to, roughly as hast-util-to-string sees it after Markdown. */
function headingText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/(\*\*|__|\*|_|~~)(?=\S)([^]*?\S)\1/g, '$2');
}

/** The ids rehype-slug gives the headings of a body, in order (github-slugger, as it uses). */
export function headingIds(body: string): string[] {
	return headingIdsInProse(proseLineEntries(body));
}

/** {@link headingIds} over a body's prose lines ({@link proseLineEntries}). */
export function headingIdsInProse(prose: readonly [text: string, line: number][]): string[] {
	const slugger = new GithubSlugger();
	return prose.flatMap(([line]) => {
		const h = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
		return h ? [slugger.slug(headingText(h[1]!))] : [];
	});
}

/**
 * The site path a link written on page `from` leads to (`../KB-0024/#x` → `/kb/KB-0024/`), or
 * null for other sites, mail and phone links, and URLs that do not parse.
 */
export function sitePathOf(url: string, from: string): string | null {
	if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
	try {
		return decodeURI(new URL(url, `https://site.invalid${from}`).pathname);
	} catch {
		return null;
	}
}

/** What is wrong with one link, or null when it leads somewhere. */
export function linkProblem(
	url: string,
	from: string,
	routes: ReadonlySet<string>,
	anchors: ReadonlyMap<string, readonly string[]>,
): string | null {
	// Other sites, mail and phone links are the writer's business; only the site's own are checked.
	if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
	let target: URL;
	try {
		target = new URL(url, `https://site.invalid${from}`);
	} catch {
		return `links to ${url}, which is not a valid URL`;
	}
	const path = decodeURI(target.pathname);
	const hash = decodeURIComponent(target.hash.slice(1));
	if (!routes.has(path)) {
		if (routes.has(`${path}/`))
			return `links to ${url}, which needs its trailing slash: ${path}/${target.search}${target.hash}`;
		const canonical = canonicalPermalink(path);
		if (canonical && routes.has(canonical)) {
			return `links to ${url}; entry IDs are upper case: ${canonical}`;
		}
		return `links to ${url}, which is not a page of the site (a draft has no page); fix the link or remove it`;
	}
	const ids = anchors.get(path);
	if (hash && ids && !ids.includes(hash)) {
		const known =
			ids.length > 0 ? `; its sections are ${ids.map((id) => `#${id}`).join(', ')}` : '';
		return `links to ${url}, but ${path} has no section #${hash}${known}`;
	}
	return null;
}
