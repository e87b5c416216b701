import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASTRO_PAGE_COPIES, linkPageCacheToOutput } from '../../../src/lib/page-cache-fs.ts';

let root: string;
let cache: string;
let out: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'tierzero-page-cache-'));
	cache = join(root, 'node_modules', '.astro');
	out = join(root, 'dist');
});
afterEach(() => {
	rmSync(root, { recursive: true, force: true });
});

const copies = () => join(cache, ASTRO_PAGE_COPIES);

describe('linkPageCacheToOutput', () => {
	it('makes the folder of page copies a relative link to the output folder, so a page written there is the output page', () => {
		const note = linkPageCacheToOutput(cache, out);
		expect(note).toMatchObject({ warning: false });
		expect(lstatSync(copies()).isSymbolicLink()).toBe(true);
		expect(readlinkSync(copies())).toBe(join('..', '..', 'dist'));
		writeFileSync(join(copies(), 'index.html'), '<p>page</p>');
		expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>page</p>');
	});

	it('says nothing and changes nothing when the link is already there', () => {
		linkPageCacheToOutput(cache, out);
		writeFileSync(join(out, 'kept.html'), 'kept');
		expect(linkPageCacheToOutput(cache, out)).toBeUndefined();
		expect(readFileSync(join(copies(), 'kept.html'), 'utf8')).toBe('kept');
	});

	it("replaces an earlier build's folder of copies, and leaves the output folder's pages alone", () => {
		mkdirSync(join(copies(), 'kb', 'KB-0001'), { recursive: true });
		writeFileSync(join(copies(), 'kb', 'KB-0001', 'index.html'), 'old copy');
		mkdirSync(join(out, 'kb', 'KB-0001'), { recursive: true });
		writeFileSync(join(out, 'kb', 'KB-0001', 'index.html'), 'the page');
		const note = linkPageCacheToOutput(cache, out);
		expect(note?.line).toContain('it was a folder of page copies');
		expect(realpathSync(copies())).toBe(realpathSync(out));
		expect(readFileSync(join(copies(), 'kb', 'KB-0001', 'index.html'), 'utf8')).toBe('the page');
	});

	it('points a link at another output folder to this one, without touching the other folder', () => {
		const other = join(root, 'dist-internal');
		mkdirSync(other);
		writeFileSync(join(other, 'index.html'), 'internal');
		mkdirSync(cache, { recursive: true });
		symlinkSync(other, copies());
		expect(linkPageCacheToOutput(cache, out)?.line).toContain('it was a link to another folder');
		expect(realpathSync(copies())).toBe(realpathSync(out));
		expect(readFileSync(join(other, 'index.html'), 'utf8')).toBe('internal');
	});

	it("leaves the cache alone when the output folder is Astro's own folder of copies", () => {
		const note = linkPageCacheToOutput(cache, copies());
		expect(note).toMatchObject({ warning: false });
		expect(note?.line).toContain('left as it is');
		expect(existsSync(copies()) && lstatSync(copies()).isSymbolicLink()).toBe(false);
	});

	it('warns, and leaves the build to Astro, when the link cannot be made', () => {
		// A cache folder below a file: nothing can be made there, whoever runs the build.
		writeFileSync(join(root, 'node_modules'), '');
		const note = linkPageCacheToOutput(cache, out);
		expect(note).toMatchObject({ warning: true });
		expect(note?.line).toContain('Astro keeps its own copies');
		expect(existsSync(copies())).toBe(false);
	});
});
