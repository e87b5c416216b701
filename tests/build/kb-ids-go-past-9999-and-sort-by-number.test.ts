import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, baseTree, build, type BuildResult, type Tree } from './support/build.ts';

let tree: Tree;
let result: BuildResult;
const read = (path: string) => readFileSync(join(result.dist, path), 'utf8');

/** A KB article with the given ID that names `other` in its prose and its related list. */
function article(id: string, title: string, other: string): string {
	return [
		'---',
		`id: ${id}`,
		`title: ${title}`,
		'summary: An article numbered past the four digits the first IDs had.',
		'severity: low',
		"affectedVersions: ['*']",
		'category: cli',
		'tags: [numbering]',
		'updated: 2026-06-01',
		`related: [${other}]`,
		'---',
		'',
		'## Symptoms',
		'',
		`The same problem as ${other}, seen from the other side.`,
		'',
		'## Root cause',
		'',
		'A cause.',
		'',
		'## Solution',
		'',
		`Follow [the other article](/kb/${other}/) first.`,
		'',
		'## Prevention',
		'',
		'Stay current.',
		'',
	].join('\n');
}

describe('KB IDs past KB-9999', () => {
	beforeAll(async () => {
		tree = baseTree();
		tree.write('kb/cli/numbered-high.mdx', article('KB-12345', 'Numbered past ten thousand', 'KB-0042'));
		tree.write('kb/cli/numbered-low.mdx', article('KB-0042', 'Numbered with four digits', 'KB-12345'));
		tree.write('kb/cli/numbered-last-short.mdx', article('KB-9999', 'The last four-digit number', 'KB-0042'));
		result = await build(tree);
		console.info(`KB ID build: ${result.seconds} s`);
	}, BUILD_TIMEOUT);
	afterAll(() => tree?.remove());

	it('builds KB-12345 at its permalink, linking to KB-0042 and linked from it', () => {
		expect(result.status, result.output).toBe(0);
		const high = read('kb/KB-12345/index.html');
		const low = read('kb/KB-0042/index.html');
		// The ID in prose, the link in the body, and the related list all lead to the other page.
		expect(high).toContain('<a href="/kb/KB-0042/">KB-0042</a>');
		expect(high).toContain('<a href="/kb/KB-0042/">the other article</a>');
		expect(high).toMatch(/<a href="\/kb\/KB-0042\/"[^>]*>Numbered with four digits<\/a>/);
		expect(low).toContain('<a href="/kb/KB-12345/">KB-12345</a>');
		expect(low).toContain('<a href="/kb/KB-12345/">the other article</a>');
		expect(low).toMatch(/<a href="\/kb\/KB-12345\/"[^>]*>Numbered past ten thousand<\/a>/);
	});

	it('lists articles by number, KB-12345 after KB-9999, and serves its JSON', () => {
		const ids = JSON.parse(read('api/kb.json')).articles.map((a: { id: string }) => a.id);
		expect(ids.filter((id: string) => ['KB-0042', 'KB-9999', 'KB-12345'].includes(id))).toEqual(['KB-0042', 'KB-9999', 'KB-12345']);
		expect(ids).toEqual([...ids].sort((a: string, b: string) => Number(a.slice(3)) - Number(b.slice(3))));
		const doc = JSON.parse(read('api/kb/KB-12345.json'));
		expect(doc).toMatchObject({ id: 'KB-12345', related: ['KB-0042'], url: 'http://localhost:4321/kb/KB-12345/' });
		expect(read('sitemap-0.xml')).toContain('/kb/KB-12345/</loc>');
	});
});
