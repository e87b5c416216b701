import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leftOverFiles } from '../../../src/lib/output-prune.ts';
import { markBuildStart, pruneOutput, START_MARKER } from '../../../src/lib/output-prune-fs.ts';
import { PRUNED_AFTER_PAGEFIND } from '../../../src/lib/search/pagefind-site.ts';

describe('leftOverFiles', () => {
	const files = [
		{ path: 'kb/KB-0001/index.html', mtimeMs: 100 }, // kept by the incremental build: a route file
		{ path: 'kb/KB-0009/index.html', mtimeMs: 100 }, // an article deleted since
		{ path: '_astro/old.js', mtimeMs: 100 }, // an asset of an earlier build
		{ path: '_astro/new.js', mtimeMs: 250 }, // written by this build
		{ path: 'sitemap-index.xml', mtimeMs: 200 }, // as old as the marker: maybe written just after it
		{ path: 'pagefind/pagefind.en_1.pf_meta', mtimeMs: 100 }, // the last search index
		{ path: 'pagefind/fragment/en_a1.0.pf_fragment', mtimeMs: 100 }, // left to the step after Pagefind
		{ path: 'pagefind/text/en_a1.0.0.json', mtimeMs: 100 },
	];
	it('gives the files older than the build that are not its pages, but not the search results’ fragments and text', () => {
		expect(leftOverFiles(files, 200, new Set(['kb/KB-0001/index.html']), PRUNED_AFTER_PAGEFIND)).toEqual([
			'kb/KB-0009/index.html',
			'_astro/old.js',
			'pagefind/pagefind.en_1.pf_meta',
		]);
	});
});

describe('pruneOutput', () => {
	const dir = mkdtempSync(join(tmpdir(), 'tierzero-prune-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const write = (path: string, ageSeconds: number) => {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), path);
		const t = new Date(Date.now() - ageSeconds * 1000);
		utimesSync(join(dir, path), t, t);
	};

	it('removes left-over files and the folders they leave empty, and keeps a deploy .git', () => {
		write('kb/KB-0001/index.html', 60);
		write('kb/KB-0009/index.html', 60);
		write('pagefind/pagefind.en_1.pf_meta', 60);
		write('.git/HEAD', 60);
		const started = markBuildStart(dir);
		write('index.html', -5);
		expect(pruneOutput(dir, started, new Set(['kb/KB-0001/index.html']), PRUNED_AFTER_PAGEFIND)).toBe(2);
		expect(readdirSync(dir).sort()).toEqual(['.git', 'index.html', 'kb']);
		expect(readdirSync(join(dir, 'kb'))).toEqual(['KB-0001']);
		expect(readdirSync(dir)).not.toContain(START_MARKER);
	});

	it('leaves the folders another step prunes as they are, and a deep folder emptied goes with its empty parents', () => {
		write('pagefind/index/en_old.pf_index', 60);
		write('pagefind/pagefind-entry.json', 60);
		write('a/b/c/old.json', 60);
		const started = markBuildStart(dir);
		expect(pruneOutput(dir, started, new Set(['index.html', 'kb/KB-0001/index.html']), PRUNED_AFTER_PAGEFIND)).toBe(2);
		expect(readdirSync(join(dir, 'pagefind'))).toEqual(['index']);
		expect(readdirSync(join(dir, 'pagefind', 'index'))).toEqual(['en_old.pf_index']);
		expect(readdirSync(dir).sort()).toEqual(['.git', 'index.html', 'kb', 'pagefind']);
	});
});
