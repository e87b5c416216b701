import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContentTree, checkedKbArticles } from '../../../src/lib/content-fs.ts';
import { sitemapFilter } from '../../../src/lib/sitemap-fs.ts';

const root = mkdtempSync(join(tmpdir(), 'tierzero-sitemap-'));
const article = (file: string, id: string, status: string, body: string) => {
	mkdirSync(join(root, 'kb', 'cli'), { recursive: true });
	writeFileSync(join(root, 'kb', 'cli', file), `---\nid: ${id}\ntitle: T\nstatus: ${status}\n---\n\n${body}\n`);
};
article('old.md', 'KB-0001', 'archived', 'Replaced by KB-0002.');
article('new.md', 'KB-0002', 'published', 'The archived page KB-0001 says to read this one.');
article('other.md', 'KB-0003', 'published', 'Nothing old here.');
article('quoted.mdx', 'KB-0004', '"archived"', 'Quoted status.');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sitemapFilter', () => {
	const keep = sitemapFilter(root);
	it('leaves out archived articles, however the status is written', () => {
		expect(keep('https://help.example/kb/KB-0001/')).toBe(false);
		expect(keep('https://help.example/kb/KB-0004/')).toBe(false);
	});

	it('keeps published articles, also one whose body says "archived"', () => {
		expect(keep('https://help.example/kb/KB-0002/')).toBe(true);
		expect(keep('https://help.example/kb/KB-0003/')).toBe(true);
		expect(keep('https://help.example/faq/cli/why/')).toBe(true);
	});

	it('leaves out the lower-case permalink aliases, which redirect', () => {
		expect(keep('https://help.example/kb/kb-0002/')).toBe(false);
	});
});

describe('sitemapFilter after the build’s content check', () => {
	const FIXTURES = fileURLToPath(new URL('../fixtures/content/', import.meta.url));
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'tierzero-sitemap-checked-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));
	const tree = (name: 'good' | 'bad') => {
		const content = join(dir, name);
		cpSync(join(FIXTURES, name), content, { recursive: true });
		return content;
	};
	const archive = (content: string, file: string, from: string, to: string) => {
		const path = join(content, 'kb', 'webhooks', file);
		writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
	};

	it('takes the statuses the check read, without reading the articles again', () => {
		const content = tree('good');
		expect(checkContentTree(content, { cacheDir: join(dir, 'cache'), cwd: content }).problems).toEqual([]);
		expect(checkedKbArticles(content)).toContainEqual({ id: 'KB-0002', status: 'archived' });
		// Changed on disk after the check: the filter goes by what the check read, as the build does.
		archive(content, 'signature.mdx', 'status: archived', 'status: published');
		archive(content, 'retries.md', 'updated:', 'status: archived\nupdated:');
		const keep = sitemapFilter(content);
		expect(keep('https://help.example/kb/KB-0002/')).toBe(false);
		expect(keep('https://help.example/kb/KB-0001/')).toBe(true);
	});

	it('reads the articles when the last check of the tree found problems', () => {
		const content = tree('good');
		checkContentTree(content, { cacheDir: join(dir, 'cache'), cwd: content });
		archive(content, 'retries.md', 'title:', 'title: [unclosed\ntitle2:');
		expect(checkContentTree(content, { cacheDir: join(dir, 'cache'), cwd: content }).problems).not.toEqual([]);
		expect(checkedKbArticles(content)).toBeUndefined();
		archive(content, 'signature.mdx', 'status: archived', 'status: published');
		const keep = sitemapFilter(content);
		expect(keep('https://help.example/kb/KB-0002/')).toBe(true);
	});

	it('is worked out at the first URL, after the check, not when the filter is made', () => {
		const content = tree('good');
		const keep = sitemapFilter(content);
		checkContentTree(content, { cacheDir: join(dir, 'cache'), cwd: content });
		archive(content, 'signature.mdx', 'status: archived', 'status: published');
		expect(keep('https://help.example/kb/KB-0002/')).toBe(false);
	});
});
