import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFragment, pageEntries } from '../../src/lib/search/fragment-text-fs.ts';
import { parseChunk, parseMetadata, readPagefindFile } from '../../src/lib/search/index-chunks.ts';
import { BUILD_TIMEOUT, baseTree, build, indexSearch, type Tree } from './support/build.ts';

// `npm run build` after an edit, with the build cache kept: scripts/pagefind.ts indexes the
// changed pages alone and splices them into the last build's index, then the step after
// Pagefind re-cuts it. What a visitor's search reads must mean what a build from scratch gives.

const EDIT = ['Your endpoint receives the same event up to five times.', 'Your endpoint receives the same event up to six times, said the quokka.'] as const;
const ARTICLE = 'kb/webhooks/webhook-retries.mdx';

/**
 * The built search index as what it means, whatever the names and page numbers: each word's
 * pages by URL with their locations (variants too), each filter value's pages, the pages'
 * word counts, and the common words.
 */
function meaning(dist: string) {
	const dir = join(dist, 'pagefind');
	const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
	const [info] = Object.values(entry.languages);
	const metaPath = join(dir, `pagefind.${info!.hash}.pf_meta`);
	const meta = parseMetadata(readFileSync(metaPath), metaPath);
	const pages = pageEntries(meta.body, metaPath);
	const urls = pages.map(([name]) => readFragment(readFileSync(join(dir, 'fragment', `${name}.pf_fragment`)), name).url);
	const byUrl = (list: unknown[][]) => {
		let page = 0;
		return list.map(([delta, ...rest]) => [urls[(page += delta as number)], ...rest]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
	};
	const words: Record<string, unknown> = Object.create(null);
	for (const [, , hash] of meta.ranges) {
		for (const [word, list, variants] of parseChunk(readFileSync(join(dir, 'index', `${hash}.pf_index`)), hash)) {
			words[word] = [byUrl(list as unknown[][]), ((variants ?? []) as [string, unknown[][]][]).map(([form, l]) => [form, byUrl(l)]).sort()];
		}
	}
	const filters: Record<string, unknown> = {};
	for (const [name, hash] of (meta.body[3] ?? []) as [string, string][]) {
		const [, values] = readPagefindFile(readFileSync(join(dir, 'filter', `${hash}.pf_filter`)), hash) as [string, [string, number[]][]];
		filters[name] = values.map(([value, list]) => [value, list.map((p) => urls[p]).sort()]);
	}
	return {
		pages: pages.map(([, count], n) => `${urls[n]} ${count}`).sort(),
		words,
		filters,
		common: JSON.parse(readFileSync(join(dir, 'common-words.json'), 'utf8')),
	};
}

let tree: Tree;
let clean: Tree;
let splicing = '';
let rebuilt: ReturnType<typeof meaning>;
let fresh: ReturnType<typeof meaning>;

beforeAll(async () => {
	tree = baseTree();
	const cold = await build(tree);
	expect(cold.status, cold.output).toBe(0);
	const coldIndex = await indexSearch(cold);
	expect(coldIndex.status, coldIndex.output).toBe(0);
	tree.edit(ARTICLE, ...EDIT);
	const again = await build(tree);
	expect(again.status, again.output).toBe(0);
	const index = await indexSearch(again);
	expect(index.status, index.output).toBe(0);
	splicing = index.output;
	rebuilt = meaning(again.dist);
	clean = baseTree();
	clean.edit(ARTICLE, ...EDIT);
	const scratch = await build(clean);
	expect(scratch.status, scratch.output).toBe(0);
	const scratchIndex = await indexSearch(scratch);
	expect(scratchIndex.status, scratchIndex.output).toBe(0);
	fresh = meaning(scratch.dist);
}, 4 * BUILD_TIMEOUT);

afterAll(() => {
	tree?.remove();
	clean?.remove();
});

it('a rebuild indexes only the edited page, and its search index means what a build from scratch gives', () => {
	expect(splicing).toMatch(/pagefind: indexed 1 page of \d+ pages \(1 HTML files changed, 0 removed\): 1 replaced/);
	expect(rebuilt.pages).toEqual(fresh.pages);
	expect(rebuilt.filters).toEqual(fresh.filters);
	expect(rebuilt.common).toEqual(fresh.common);
	expect(Object.keys(rebuilt.words).sort()).toEqual(Object.keys(fresh.words).sort());
	expect(rebuilt.words).toEqual(fresh.words);
	// The edit is searchable: its new word is on the edited page, and only there.
	expect(JSON.stringify(rebuilt.words['quokka'])).toContain('/kb/KB-0002/');
});
