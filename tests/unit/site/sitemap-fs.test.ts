import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
