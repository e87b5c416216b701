import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles, indexSite, pageUrl, pagefindBinary } from '../../../src/lib/search/pagefind-incremental-fs.ts';

let dir: string;
let runs = 0;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tierzero-pagefind-incremental-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Random words from a fixed vocabulary, as many as asked. */
function words(seed: number, count: number): string {
	let s = seed;
	const random = () => (s = (s * 48271) % 2147483647) / 2147483647;
	return Array.from({ length: count }, () => `w${Math.floor(random() ** 2 * 400).toString(36)}`).join(' ');
}

/** A page as the site's pages are: a search body, a filter, metadata, words in a heading and text. */
function page(n: number, extra = '', options: { body?: boolean; meta?: string } = {}): string {
	const body = options.body ?? true;
	return `<!doctype html><html lang="en"><head><title>Page ${n}</title></head><body>
<nav>Navigation words that are never indexed</nav>
<main ${body ? 'data-pagefind-body' : ''}>
<h1>Page ${n} ${words(n + 1000, 3)}</h1>
<span hidden data-pagefind-filter="category">${n % 3 === 0 ? 'billing' : 'accounts'}</span>
<span hidden data-pagefind-meta="summary">${words(n + 2000, 4)}</span>
${options.meta ?? ''}
<h2 id="more">More about ${words(n + 3000, 2)}</h2>
<p>${words(n, 60)} ${extra}</p>
</main></body></html>`;
}

/** A site of `count` pages and a home page Pagefind does not index (no search body). */
function site(count: number): string {
	const root = join(dir, `site-${runs++}`);
	for (let n = 0; n < count; n++) write(root, `p/${n}/index.html`, page(n));
	write(root, 'index.html', '<!doctype html><html lang="en"><body><h1>Home</h1></body></html>');
	return root;
}

function write(root: string, file: string, html: string) {
	mkdirSync(dirname(join(root, file)), { recursive: true });
	writeFileSync(join(root, file), html);
}

/**
 * A Pagefind index read as what it means, whatever the page numbers: each page by URL (fragment
 * name and word count), each word's pages by URL with their locations, variants too, each
 * filter value's pages, the metadata fields.
 */
function meaning(root: string) {
	const pf = join(root, 'pagefind');
	const read = (path: string) => gunzipSync(readFileSync(path)).subarray('pagefind_dcd'.length);
	const entry = JSON.parse(readFileSync(join(pf, 'pagefind-entry.json'), 'utf8'));
	const [language, info] = Object.entries(entry.languages)[0] as [string, { hash: string; page_count: number }];
	const meta = decode(read(join(pf, `pagefind.${info.hash}.pf_meta`))) as unknown[];
	const urls = (meta[1] as [string][]).map(([hash]) => JSON.parse(read(join(pf, 'fragment', `${hash}.pf_fragment`)).toString()).url as string);
	const byUrl = (pages: unknown[][]) => {
		let last = 0;
		return pages.map(([delta, ...rest]) => [urls[(last += delta as number)], ...rest]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
	};
	const wordList: string[] = [];
	const index: Record<string, unknown> = Object.create(null);
	for (const [, , hash] of meta[2] as string[][]) {
		for (const [word, pages, variants] of (decode(read(join(pf, 'index', `${hash}.pf_index`))) as unknown[][])[0] as [string, unknown[][], [string, unknown[][]][]][]) {
			wordList.push(word);
			index[word] = [byUrl(pages), variants.map(([form, p]) => [form, byUrl(p)]).sort()];
		}
	}
	const filters: Record<string, unknown> = {};
	for (const [name, hash] of meta[3] as [string, string][]) {
		const [, values] = decode(read(join(pf, 'filter', `${hash}.pf_filter`))) as [string, [string, number[]][]];
		filters[name] = values.map(([value, pages]) => [value, pages.map((p) => urls[p]).sort()]);
	}
	return {
		language,
		pageCount: info.page_count,
		pages: (meta[1] as [string, number][]).map(([hash, count], i) => `${urls[i]} ${hash} ${count}`).sort(),
		wordList,
		index,
		filters,
		fields: meta[5],
	};
}

/** The index a full Pagefind run gives the site as it is now (in a copy). */
function fullRun(root: string) {
	const copy = `${root}-full`;
	rmSync(copy, { recursive: true, force: true });
	cpSync(root, copy, { recursive: true, filter: (src) => !src.startsWith(join(root, 'pagefind')) });
	execFileSync(pagefindBinary(), ['--site', copy], { stdio: 'ignore' });
	return meaning(copy);
}

/** Indexes as the build does; then removes Pagefind's own fragments, as the step after it does. */
async function build(root: string, cacheDir: string, full = false): Promise<string> {
	const lines = await indexSite(root, { cacheDir, quiet: true, full });
	rmSync(join(root, 'pagefind', 'fragment'), { recursive: true, force: true });
	rmSync(join(root, 'pagefind', 'index'), { recursive: true, force: true });
	return lines.join('\n');
}

/** Indexes without removing anything, for comparing with a full run. */
const index = async (root: string, cacheDir: string) => (await indexSite(root, { cacheDir, quiet: true })).join('\n');

describe('pageUrl and htmlFiles', () => {
	it('gives the URL Pagefind gives a file', () => {
		expect(pageUrl('index.html')).toBe('/');
		expect(pageUrl('kb/KB-0001/index.html')).toBe('/kb/KB-0001/');
		expect(pageUrl('404.html')).toBe('/404.html');
		expect(pageUrl('notindex.html')).toBe('/notindex.html');
	});

	it('lists the HTML files of a site, sorted, with forward slashes', () => {
		const root = site(2);
		write(root, 'a/b.txt', 'not a page');
		expect(htmlFiles(root)).toEqual(['index.html', 'p/0/index.html', 'p/1/index.html']);
	});
});

describe('indexSite', () => {
	it('indexes every page on a first build and keeps the index for the next', async () => {
		const root = site(12);
		const cache = join(root, '..', `cache-${runs}`);
		const out = await build(root, cache);
		expect(out).toContain('indexed every page: no index of an earlier build in the cache');
		expect(out).toContain('Pagefind read only the 12 pages with data-pagefind-body, not the 1 without it');
		expect(out).toContain('kept the index in the build cache');
		expect(readdirSync(join(cache, 'tierzero', 'pagefind', 'raw', 'fragment'))).toHaveLength(12);
	});

	it('gives Pagefind only the pages with a search body, and gets the index every page gives', async () => {
		const root = site(16);
		const cache = `${root}-cache`;
		// Pages without a search body beside pages with one, in the same folders and in their own.
		for (const n of [3, 9]) write(root, `p/${n}/index.html`, page(n, '', { body: false }));
		write(root, 'p/index.html', '<!doctype html><html lang="en"><body><h1>All pages</h1></body></html>');
		for (const tag of ['billing', 'accounts']) write(root, `tags/${tag}/index.html`, `<!doctype html><html lang="en"><body><h1>${tag}</h1></body></html>`);
		// A page that names the attribute in its text only: read, and left out by Pagefind.
		write(root, 'tags/index.html', '<!doctype html><html lang="en"><body><p>Mark the body with data-pagefind-body.</p></body></html>');
		const out = await index(root, cache);
		expect(out).toContain('Pagefind read only the 15 pages with data-pagefind-body, not the 6 without it');
		const full = fullRun(root);
		const mine = meaning(root);
		expect(mine).toEqual(full);
		expect(mine.pageCount).toBe(14);
		// Byte for byte: the same metadata file, so the same fragments, words and filters.
		const entry = (r: string) => readFileSync(join(r, 'pagefind', 'pagefind-entry.json'), 'utf8');
		expect(entry(root)).toBe(entry(`${root}-full`));
		// A rebuild that changes a page without a body and one with a body splices as before.
		write(root, 'p/3/index.html', page(3, 'now searchable'));
		write(root, 'tags/billing/index.html', '<!doctype html><html lang="en"><body><h1>Billing, renamed</h1></body></html>');
		expect(await index(root, cache)).toMatch(/^indexed 1 page of 15 pages \(2 HTML files changed, 0 removed\)/);
		expect(meaning(root).index).toEqual(fullRun(root).index);
		// A full run after it still knows which unchanged pages have a body without reading them.
		const again = (await indexSite(root, { cacheDir: cache, quiet: true, full: true })).join('\n');
		expect(again).toContain('Pagefind read only the 16 pages with data-pagefind-body, not the 5 without it');
		expect(meaning(root)).toEqual(fullRun(root));
	});

	it('after edits, additions and removals, splices an index that means what a full run gives', async () => {
		const root = site(40);
		const cache = `${root}-cache`;
		await build(root, cache);
		write(root, 'p/3/index.html', page(3, 'zebra crossing quokka naïve café'));
		write(root, 'p/40/index.html', page(40, 'platypus'));
		write(root, 'p/41/index.html', page(41, 'wombat'));
		rmSync(join(root, 'p/5'), { recursive: true });
		rmSync(join(root, 'p/39'), { recursive: true });
		// No longer searchable: its body lost the search attribute.
		write(root, 'p/7/index.html', page(7, '', { body: false }));
		const out = await index(root, cache);
		expect(out).toMatch(/^indexed 3 pages of 39 pages \(4 HTML files changed, 2 removed\): 1 replaced, 2 added, 3 removed; \d+ word entries rebuilt/);
		const spliced = meaning(root);
		const full = fullRun(root);
		expect(spliced.pages).toEqual(full.pages);
		expect(spliced.filters).toEqual(full.filters);
		expect(spliced.fields).toEqual(full.fields);
		expect(spliced.pageCount).toBe(39);
		// Words in Pagefind's order, each on the same pages at the same places.
		expect(spliced.wordList).toEqual(full.wordList);
		expect(spliced.index).toEqual(full.index);
		expect(spliced.index['zebra']).toBeDefined();
		expect(spliced.index['naiv']).toBeDefined();
	});

	it('splices again on top of a spliced index, and indexes nothing when nothing changed', async () => {
		const root = site(30);
		const cache = `${root}-cache`;
		await build(root, cache);
		write(root, 'p/2/index.html', page(2, 'first edit'));
		expect(await build(root, cache)).toMatch(/^indexed 1 page of 30 pages/);
		write(root, 'p/2/index.html', page(2, 'second edit élan'));
		write(root, 'p/30/index.html', page(30, 'new page'));
		expect(await index(root, cache)).toMatch(/^indexed 2 pages of 31 pages/);
		expect(meaning(root).index).toEqual(fullRun(root).index);
		expect(await index(root, cache)).toMatch(/^indexed 0 pages of 31 pages \(0 HTML files changed, 0 removed\)/);
		expect(meaning(root).pages).toEqual(fullRun(root).pages);
		// The cache holds this index and nothing of the earlier ones.
		const raw = join(cache, 'tierzero', 'pagefind', 'raw');
		expect(readdirSync(join(raw, 'fragment'))).toHaveLength(31);
		expect(readdirSync(raw).filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
		expect(readdirSync(join(raw, 'index')).sort()).toEqual(readdirSync(join(root, 'pagefind', 'index')).sort());
	});

	it('moves the last pages into the numbers of removed ones', async () => {
		const root = site(24);
		const cache = `${root}-cache`;
		await build(root, cache);
		for (const n of [0, 11, 23]) rmSync(join(root, `p/${n}`), { recursive: true });
		expect(await index(root, cache)).toMatch(/^indexed 0 pages of 21 pages \(0 HTML files changed, 3 removed\): 0 replaced, 0 added, 3 removed/);
		const spliced = meaning(root);
		const full = fullRun(root);
		expect(spliced.pages).toEqual(full.pages);
		expect(spliced.filters).toEqual(full.filters);
		expect(spliced.index).toEqual(full.index);
	});

	it('runs Pagefind in full when a changed page brings a metadata field no page had', async () => {
		const root = site(20);
		const cache = `${root}-cache`;
		await build(root, cache);
		write(root, 'p/4/index.html', page(4, '', { meta: '<span hidden data-pagefind-meta="owner">Support</span>' }));
		expect(await index(root, cache)).toContain('indexed every page: a changed page has the metadata field "owner", which no page had before');
		expect(meaning(root).fields).toEqual(['owner', 'summary', 'title']);
		// And the next edit splices into that full index again.
		write(root, 'p/6/index.html', page(6, 'later'));
		expect(await index(root, cache)).toMatch(/^indexed 1 page of 20 pages/);
		expect(meaning(root).index).toEqual(fullRun(root).index);
	});

	it('runs Pagefind in full when more than a quarter of the pages changed', async () => {
		const root = site(12);
		const cache = `${root}-cache`;
		await build(root, cache);
		for (const n of [0, 1, 2, 3]) write(root, `p/${n}/index.html`, page(n, 'changed'));
		expect(await index(root, cache)).toContain('indexed every page: 4 of 13 HTML files changed');
	});

	it('runs Pagefind in full with a damaged or missing cache, or when asked', async () => {
		const root = site(10);
		const cache = `${root}-cache`;
		await build(root, cache);
		writeFileSync(join(cache, 'tierzero', 'pagefind', 'manifest.json'), '{"format": 1');
		expect(await build(root, cache)).toContain('indexed every page: the cached index cannot be read');
		const raw = join(cache, 'tierzero', 'pagefind', 'raw');
		for (const file of readdirSync(raw)) if (file.endsWith('.pf_meta')) rmSync(join(raw, file));
		expect(await build(root, cache)).toContain('indexed every page: the cached index is incomplete');
		expect(await build(root, cache, true)).toContain('indexed every page: a full run was asked for');
		expect(await build(root, cache)).toMatch(/^indexed 0 pages of 10 pages/);
	});

	it('runs Pagefind in full when the site sorts its results', async () => {
		const root = site(10);
		const cache = `${root}-cache`;
		for (let n = 0; n < 10; n++) write(root, `p/${n}/index.html`, page(n, '', { meta: `<span hidden data-pagefind-sort="rank">${n}</span>` }));
		await build(root, cache);
		write(root, 'p/1/index.html', page(1, 'edited', { meta: '<span hidden data-pagefind-sort="rank">1</span>' }));
		expect(await index(root, cache)).toContain('indexed every page: the site sorts its results');
	});

	it('reports a site folder that is not there', async () => {
		await expect(indexSite(join(dir, 'nowhere'), { quiet: true })).rejects.toThrow('is not a built site');
	});
});
