import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, addInternalKbArticle, baseTree, build, type BuildResult, type Tree } from './support/build.ts';

let tree: Tree;
let result: BuildResult;
const page = (path: string) =>
	readFileSync(join(result.dist, path, 'index.html'), 'utf8').replace(/ data-astro-cid-[a-z0-9]+/g, '');

describe('the internal edition', () => {
	beforeAll(async () => {
		tree = baseTree();
		// An internal KB article: only staff see it, and a public one may not link to it.
		addInternalKbArticle(tree);
		result = await build(tree, 'internal');
		console.info(`internal build: ${result.seconds} s`);
	}, BUILD_TIMEOUT);
	afterAll(() => tree?.remove());

	it('builds into dist-internal, with no sitemap', () => {
		expect(result.status, result.output).toBe(0);
		expect(result.dist.endsWith('dist-internal')).toBe(true);
		expect(existsSync(join(result.dist, 'sitemap-index.xml'))).toBe(false);
	});

	it('turns the runbook steps into a checklist with one labelled checkbox per step', () => {
		expect(page('runbooks/RB-001').match(/<input type="checkbox"[^>]*>/g)).toEqual([
			'<input type="checkbox" id="step-1" class="step-done" aria-label="Done: Confirm the outage (5 min)"/>',
			'<input type="checkbox" id="step-2" class="step-done" aria-label="Done: Post a public acknowledgement (10 min)"/>',
			'<input type="checkbox" id="step-3" class="step-done" aria-label="Done: Fix or roll back (1 h)"/>',
		]);
	});

	it('builds the reply template and the internal article, with the banner and noindex on each', () => {
		for (const path of ['templates/TPL-001', 'kb/KB-0099', 'kb/KB-0001', '']) {
			const html = page(path);
			expect(html, path).toContain('<meta name="robots" content="noindex">');
			expect(html, path).toContain('<strong>Internal</strong> edition for support staff');
		}
		expect(page('templates/TPL-001')).toContain('Initial acknowledgement');
		const api = JSON.parse(readFileSync(join(result.dist, 'api/kb.json'), 'utf8'));
		expect(api.articles.find((a: { id: string }) => a.id === 'KB-0099')).toMatchObject({ audience: 'internal', publicUrl: null });
		expect(existsSync(join(result.dist, 'api/templates.json'))).toBe(true);
	});
});
