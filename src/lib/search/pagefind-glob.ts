/**
 * Which HTML files Pagefind reads on a full run. Pagefind reads and parses every file its glob
 * matches (`**\/*.html` by default) and, once any page has `data-pagefind-body`, throws away
 * every page that has none. On the 10,000-article bench site those are the 291 tag, category
 * and list pages: 43 MB of the site's 378 MB, parsed for nothing, about a tenth of Pagefind's
 * CPU time. The build reads every page anyway (it hashes them for the next rebuild,
 * src/lib/search/pagefind-incremental-fs.ts), so it knows which pages have the attribute, and
 * hands Pagefind a glob that matches those pages and no others. The index comes out byte for
 * byte the same.
 *
 * Pure: paths are relative to the site, with `/`.
 */

/** The attribute that marks a page's searchable part; with it on any page, Pagefind indexes only such pages. */
export const BODY_ATTRIBUTE = 'data-pagefind-body';

/**
 * Whether a page may have the attribute: its bytes hold the name anywhere. A page that only
 * mentions it in its text is read by Pagefind for nothing, as today; a page that has it is never
 * left out.
 */
export const mayHaveBody = (bytes: Buffer): boolean => bytes.includes(BODY_ATTRIBUTE);

/** Longest glob handed to Pagefind; past it, its default glob (a command-line argument is limited to 128 KiB). */
export const MAX_GLOB_LENGTH = 16 * 1024;

/** A path segment that means itself in Pagefind's glob syntax (wax): none of its special characters. */
const PLAIN = /^[A-Za-z0-9._-]+$/;

/**
 * A glob that matches exactly the files of `body` among `files` (every HTML file of the site),
 * as short as it can be made: a folder's files share one pattern (`kb/*\/*.html`) unless a file
 * without the attribute would match it too, and then the patterns go one folder deeper, down to
 * single files. `null` when Pagefind's default glob is as good or the only right one: no file has
 * the attribute (Pagefind then indexes every page), every file has it, a name has a character
 * the glob syntax would read as special, or the glob would be longer than MAX_GLOB_LENGTH.
 */
export function bodyGlob(files: readonly string[], body: ReadonlySet<string>): string | null {
	const withBody: string[][] = [];
	const others: string[][] = [];
	for (const file of files) (body.has(file) ? withBody : others).push(file.split('/'));
	if (withBody.length === 0 || others.length === 0) return null;

	// What a pattern keeps of a file: its depth and its first `literal` segments; the others are
	// `*`, the file name `*.html`. Every key a file without the attribute has, at every level.
	const key = (segments: readonly string[], literal: number) => `${segments.length}/${segments.slice(0, literal).join('/')}`;
	const taken = new Set<string>();
	for (const segments of others) for (let literal = 0; literal <= segments.length; literal++) taken.add(key(segments, literal));

	const patterns: string[] = [];
	let plain = true;
	const cover = (group: readonly string[][], literal: number) => {
		const byKey = new Map<string, string[][]>();
		for (const segments of group) {
			const k = key(segments, literal);
			const same = byKey.get(k);
			if (same) same.push(segments);
			else byKey.set(k, [segments]);
		}
		for (const [k, same] of byKey) {
			// A file's own full path is no other file's, so the recursion ends there.
			if (taken.has(k)) {
				cover(same, literal + 1);
				continue;
			}
			const segments = same[0]!;
			const kept = segments.slice(0, literal);
			if (!kept.every((segment) => PLAIN.test(segment))) plain = false;
			const wild = Array.from({ length: Math.max(0, segments.length - literal - 1) }, () => '*');
			patterns.push([...kept, ...wild, ...(literal < segments.length ? ['*.html'] : [])].join('/'));
		}
	};
	cover(withBody, 0);
	if (!plain) return null;
	patterns.sort();
	const glob = patterns.length === 1 ? patterns[0]! : `{${patterns.join(',')}}`;
	return glob.length > MAX_GLOB_LENGTH ? null : glob;
}

/** How many files Pagefind says its glob matched ("Found N files matching …"), or null when it does not say. */
export function matchedFileCount(output: string): number | null {
	const match = /^Found (\d+) files? matching /m.exec(output);
	return match ? Number(match[1]) : null;
}
