import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyGlob, MAX_GLOB_LENGTH, matchedFileCount, mayHaveBody } from '../../../src/lib/search/pagefind-glob.ts';

/**
 * Whether a path matches a glob of the shapes bodyGlob writes, as Pagefind's glob syntax reads
 * them: `{a,b}` alternatives at the top, `*` one whole segment, `*.html` a segment ending so,
 * any other segment itself. (tests/unit/search/pagefind-incremental-fs.test.ts checks the same
 * globs against Pagefind itself.)
 */
function matches(glob: string, path: string): boolean {
	const alternatives = glob.startsWith('{') ? glob.slice(1, -1).split(',') : [glob];
	const segments = path.split('/');
	return alternatives.some((pattern) => {
		const parts = pattern.split('/');
		return (
			parts.length === segments.length &&
			parts.every((part, i) => (part === '*' ? true : part === '*.html' ? segments[i]!.endsWith('.html') : part === segments[i]))
		);
	});
}

const SITE = [
	'index.html',
	'404.html',
	'kb/index.html',
	'kb/kb-0001-reset/index.html',
	'kb/kb-0002-invoice/index.html',
	'faq/index.html',
	'faq/billing/index.html',
	'faq/billing/refunds/index.html',
	'faq/account/login/index.html',
	'tags/index.html',
	'tags/billing/index.html',
	'support/index.html',
	'support/runbooks/index.html',
];
const BODY = new Set(['kb/kb-0001-reset/index.html', 'kb/kb-0002-invoice/index.html', 'faq/billing/refunds/index.html', 'faq/account/login/index.html', 'support/index.html', 'support/runbooks/index.html']);

describe('bodyGlob', () => {
	it('gives a folder of pages one pattern, and goes deeper where a page without the attribute shares it', () => {
		const glob = bodyGlob(SITE, BODY)!;
		// faq/*/*/*.html has no page without the attribute; */*/*.html would take tags/billing.
		expect(glob).toBe('{*/*/*/*.html,kb/*/*.html,support/*.html,support/*/*.html}');
		for (const file of SITE) expect(matches(glob, file), file).toBe(BODY.has(file));
	});

	it('goes down to single files when the attribute differs between neighbours', () => {
		const files = ['a/x.html', 'a/y.html', 'a/z.html', 'b/x.html'];
		expect(bodyGlob(files, new Set(['a/x.html', 'a/z.html']))).toBe('{a/x.html,a/z.html}');
		expect(bodyGlob(files, new Set(['a/y.html']))).toBe('a/y.html');
	});

	it("leaves Pagefind's default glob when it would read the same files, or must read them all", () => {
		// No page has the attribute: Pagefind indexes every page.
		expect(bodyGlob(SITE, new Set())).toBeNull();
		// Every page has it.
		expect(bodyGlob(['a/index.html', 'b/index.html'], new Set(['a/index.html', 'b/index.html']))).toBeNull();
	});

	it('leaves the default glob for a name the glob syntax would read as special', () => {
		for (const name of ['a{b}', 'a,b', 'a*b', 'a?b', 'a[b]', 'a<b>', 'a b', 'a!b', 'café', 'a:b']) {
			// The name must be written out: its neighbour lacks the attribute.
			expect(bodyGlob([`${name}/index.html`, 'other/index.html'], new Set([`${name}/index.html`])), name).toBeNull();
		}
		// A special name under a `*` is matched without being written.
		expect(bodyGlob(['kb/a{b}/index.html', 'index.html'], new Set(['kb/a{b}/index.html']))).toBe('*/*/*.html');
	});

	it('leaves the default glob when the glob would be too long', () => {
		const files = Array.from({ length: 4000 }, (_, n) => `p/${n}.html`);
		const body = new Set(files.filter((_, n) => n % 2 === 0));
		expect(bodyGlob(files, body)).toBeNull();
		const few = new Set(files.slice(0, 10).filter((_, n) => n % 2 === 0));
		expect(bodyGlob(files, few)!.length).toBeLessThanOrEqual(MAX_GLOB_LENGTH);
	});

	it('matches exactly the pages with the attribute, on any site', () => {
		const segment = fc.constantFrom('a', 'b', 'kb', 'faq', 'x-1', 'index.html', 'p.html');
		const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => {
			const last = parts[parts.length - 1]!;
			return [...parts.slice(0, -1), last.endsWith('.html') ? last : `${last}.html`].join('/');
		});
		fc.assert(
			fc.property(fc.uniqueArray(fc.tuple(path, fc.boolean()), { selector: ([p]) => p, minLength: 1, maxLength: 40 }), (pages) => {
				const files = pages.map(([p]) => p);
				const body = new Set(pages.filter(([, b]) => b).map(([p]) => p));
				const glob = bodyGlob(files, body);
				if (glob === null) return body.size === 0 || body.size === files.length;
				return files.every((file) => matches(glob, file) === body.has(file));
			}),
			{ numRuns: 500 },
		);
	});
});

describe('mayHaveBody', () => {
	it('finds the attribute anywhere in the bytes, and nothing else', () => {
		expect(mayHaveBody(Buffer.from('<main data-pagefind-body>'))).toBe(true);
		expect(mayHaveBody(Buffer.from('<main data-pagefind-body="">'))).toBe(true);
		expect(mayHaveBody(Buffer.from('<main data-pagefind-ignore>'))).toBe(false);
	});
});

describe('matchedFileCount', () => {
	it("reads Pagefind's count of the files its glob matched", () => {
		expect(matchedFileCount('[Walking source directory]\nFound 10031 files matching {kb/*/*.html}\n')).toBe(10031);
		expect(matchedFileCount('Found 1 file matching a.html\n')).toBe(1);
		expect(matchedFileCount('Indexed 3 pages\n')).toBeNull();
	});
});
