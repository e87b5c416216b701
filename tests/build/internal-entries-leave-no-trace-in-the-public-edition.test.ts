import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, addInternalKbArticle, baseTree, build, filesAsText, indexSearch, type BuildResult, type Tree } from './support/build.ts';

let tree: Tree;
const built: Partial<Record<'public' | 'internal', BuildResult>> = {};
// Words only the escalation policy has, so any trace of it in a file can be told.
const MARKER = 'Quokkaflare escalation';
const dist = (edition: 'public' | 'internal') => built[edition]!.dist;
const read = (edition: 'public' | 'internal', path: string) => readFileSync(join(dist(edition), path), 'utf8');

describe('an internal policy page (and an internal KB article beside it)', () => {
	beforeAll(async () => {
		tree = baseTree();
		tree.edit('policy/escalation.yaml', 'kind: escalation', 'kind: escalation\naudience: internal');
		tree.edit('policy/escalation.yaml', 'P0 not acknowledged within 15 minutes', `${MARKER}, P0 not acknowledged within 15 minutes`);
		// An internal KB article beside it: its ID must not be mentioned anywhere in the public edition.
		addInternalKbArticle(tree);
		for (const edition of ['public', 'internal'] as const) {
			const result = await build(tree, edition);
			built[edition] = result;
			if (result.status !== 0) continue;
			const search = await indexSearch(result);
			if (search.status !== 0) throw new Error(`indexing for search failed:\n${search.output}`);
		}
	}, 2 * BUILD_TIMEOUT);
	afterAll(() => tree?.remove());

	it('leaves no trace in the public edition: page, links, sitemap, search index, vocabulary or JSON API', () => {
		expect(built.public!.status, built.public!.output).toBe(0);
		expect(existsSync(join(dist('public'), 'support/escalation'))).toBe(false);
		const traces = filesAsText(dist('public')).flatMap(([file, text]) =>
			// Lower case too: the search vocabulary keeps words lower-cased.
			['quokkaflare', '/support/escalation/', 'escalation matrix', 'kb-0099', 'installer on arm'].filter((t) => text.toLowerCase().includes(t)).map((t) => `${file}: ${t}`),
		);
		expect(traces).toEqual([]);
		// The public policy pages are still there, linked from /support/ and the sitemap.
		expect(read('public', 'support/index.html')).toContain('<a href="/support/priorities/">Priorities P0–P3</a>');
		expect(read('public', 'sitemap-0.xml')).toContain('/support/priorities/</loc>');
		const api = JSON.parse(read('public', 'api/policy.json'));
		expect(api.policies.map((p: { kind: string }) => p.kind)).toEqual(['channels', 'priorities', 'product', 'tiers']);
	});

	it('is built into the internal edition, found by its search under the policy type, and listed by its API', () => {
		expect(built.internal!.status, built.internal!.output).toBe(0);
		const html = read('internal', 'support/escalation/index.html');
		expect(html).toContain(MARKER);
		expect(html).toContain('<meta name="robots" content="noindex">');
		expect(read('internal', 'support/index.html')).toContain('<a href="/support/escalation/">Escalation matrix</a>');
		const files = filesAsText(dist('internal'));
		const index = files.filter(([file]) => file.startsWith('pagefind/'));
		// Its words are in the word index (by Pagefind's stem) and in the text blocks its results'
		// excerpts are cut from (a JSON array of words, src/lib/search/fragment-text.ts).
		expect(index.some(([file, text]) => file.startsWith('pagefind/index/') && text.toLowerCase().includes('quokk'))).toBe(true);
		expect(index.some(([file, text]) => file.startsWith('pagefind/text/') && text.includes(MARKER.split(' ')[0]!))).toBe(true);
		// The type filter offers every kind of entry, the support policy among them.
		const filters = index.filter(([file]) => file.startsWith('pagefind/filter/')).map(([, text]) => text).join('\n');
		for (const type of ['KB article', 'FAQ', 'Runbook', 'Reply template', 'Support policy']) expect(filters, type).toContain(type);
		// The spelling vocabulary holds its words, in the shard of their first letter.
		expect(read('internal', 'search-vocabulary/q.json')).toContain('quokkaflare');
		expect(JSON.parse(read('internal', 'api/kb.json')).articles.map((a: { id: string }) => a.id)).toContain('KB-0099');
		const escalation = JSON.parse(read('internal', 'api/policy.json')).policies.find((p: { kind: string }) => p.kind === 'escalation');
		expect(escalation).toMatchObject({ audience: 'internal', publicUrl: null, url: 'http://localhost:4321/support/escalation/' });
		expect(escalation.rules[0].trigger).toContain(MARKER);
	});
});
