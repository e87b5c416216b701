import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentCheckCacheFile } from '../../../src/lib/content-check-cache-fs.ts';
import { checkContentTree, loadAndCheckContent } from '../../../src/lib/content-fs.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/content/', import.meta.url));

let dir: string;
let content: string;
let cacheDir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'tierzero-check-cache-'));
	content = join(dir, 'content');
	cacheDir = join(dir, 'cache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const useTree = (name: 'good' | 'bad') => cpSync(join(FIXTURES, name), content, { recursive: true });
const check = (fingerprint?: string) => checkContentTree(content, { cacheDir, cwd: content, fingerprint });
const lines = (r: { problems: { file: string; line?: number; field: string; message: string }[] }) =>
	r.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`);
const edit = (file: string, from: string, to: string) => {
	const path = join(content, file);
	const text = readFileSync(path, 'utf8');
	if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
	writeFileSync(path, text.replace(from, to));
};

describe('the content check with its cache', () => {
	it.each(['good', 'bad'] as const)('gives the %s tree the same problems, lines and counts as a check without it, reading no file again', (tree) => {
		useTree(tree);
		const { problems, counts, urls } = loadAndCheckContent(content, content);
		const first = check();
		const second = check();
		for (const run of [first, second]) expect({ problems: run.problems, counts: run.counts, urls: run.urls }).toEqual({ problems, counts, urls });
		const files = Object.values(counts).reduce((a, b) => a + b, 0) - counts.policy!;
		expect([first.parsed, first.reused]).toEqual([expect.any(Number), 0]);
		expect(first.parsed).toBeGreaterThanOrEqual(files);
		expect([second.parsed, second.reused]).toEqual([0, first.parsed]);
		if (tree === 'bad') expect(problems.length).toBeGreaterThan(10);
	});

	it('checks a changed file again, and only that one', () => {
		useTree('good');
		const { parsed: all } = check();
		edit('kb/webhooks/retries.md', '## Prevention', '## Later');
		const changed = check();
		expect([changed.parsed, changed.reused]).toEqual([1, all - 1]);
		expect(lines(changed)).toEqual([
			'kb/webhooks/retries.md:11: body: missing section "## Prevention"; every KB article has ## Symptoms, ## Root cause, ## Solution, ## Prevention',
		]);
		edit('kb/webhooks/retries.md', '## Later', '## Prevention');
		expect(check().problems).toEqual([]);
	});

	it('hashes a file whose modification time changed but not its bytes, and parses it no more', () => {
		useTree('good');
		const first = check();
		const path = join(content, 'kb/webhooks/retries.md');
		writeFileSync(path, readFileSync(path));
		const second = check();
		expect(second.parsed).toBe(0);
		expect(second.reused).toBe(first.parsed);
		expect(second.problems).toEqual(first.problems);
	});

	it('drops a deleted file: links to it are reported, and its record is gone from the cache', () => {
		useTree('good');
		const { parsed: all } = check();
		const signature = join(content, 'kb/webhooks/signature.mdx');
		const text = readFileSync(signature);
		unlinkSync(signature);
		const deleted = check();
		expect([deleted.parsed, deleted.reused]).toEqual([0, all - 1]);
		expect(lines(deleted)).toEqual([
			'kb/webhooks/retries.md:9: related[0]: KB-0002 does not exist; use the ID of an existing KB article',
		]);
		// Back with the same bytes, it is read again: nothing of it was kept.
		writeFileSync(signature, text);
		const back = check();
		expect([back.parsed, back.reused]).toEqual([1, all - 1]);
		expect(back.problems).toEqual([]);
	});

	it('reports a duplicate ID between a kept file and a changed one, on both files with their lines', () => {
		useTree('good');
		check();
		edit('kb/webhooks/signature.mdx', 'id: KB-0002', 'id: KB-0001');
		const run = check();
		expect(run.parsed).toBe(1);
		expect(lines(run)).toEqual(
			expect.arrayContaining([
				'kb/webhooks/retries.md:2: id: duplicate KB ID KB-0001, also used by kb/webhooks/signature.mdx; give each entry its own ID',
				'kb/webhooks/signature.mdx:2: id: duplicate KB ID KB-0001, also used by kb/webhooks/retries.md; give each entry its own ID',
			]),
		);
		expect(lines(run)).toEqual(lines(loadAndCheckContent(content, content)));
	});

	it('keeps a file whose YAML does not parse as the same problem, and reports it again from the cache', () => {
		useTree('good');
		edit('kb/webhooks/retries.md', 'title: Webhook deliveries', 'title: Webhook: deliveries');
		const first = check();
		const second = check();
		expect(second.parsed).toBe(0);
		expect(lines(second)).toEqual(lines(first));
		expect(lines(second)[0]).toMatch(/^kb\/webhooks\/retries\.md:3: \(frontmatter\): is not valid YAML/);
	});

	it('reads everything again after the code that makes the records changed, or when the cache is unreadable', () => {
		useTree('good');
		const { parsed: all } = check('code A');
		expect(check('code A').parsed).toBe(0);
		expect(check('code B').parsed).toBe(all);
		writeFileSync(contentCheckCacheFile(cacheDir), 'not a cache');
		const run = check('code B');
		expect(run.parsed).toBe(all);
		expect(run.problems).toEqual([]);
	});

	it('keeps one content tree per cache: another tree starts afresh', () => {
		useTree('good');
		const { parsed: all } = check();
		const other = join(dir, 'other');
		cpSync(content, other, { recursive: true });
		expect(checkContentTree(other, { cacheDir, cwd: other }).parsed).toBe(all);
	});
});
