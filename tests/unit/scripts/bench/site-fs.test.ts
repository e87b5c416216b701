import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTrash, setAside } from '../../../../scripts/lib/bench/site-fs.ts';

describe('what a benchmark moves out of the way of a measured build', () => {
	let bench: string;
	beforeEach(() => {
		bench = mkdtempSync(join(tmpdir(), 'tierzero-site-fs-'));
	});
	afterEach(() => rmSync(bench, { recursive: true, force: true }));

	it('moves a tree aside whole, by renaming it, so the build finds its path free and nothing is deleted yet', () => {
		const dist = join(bench, 'peer-tierzero-5000', 'dist');
		mkdirSync(join(dist, 'kb'), { recursive: true });
		writeFileSync(join(dist, 'kb', 'index.html'), '<p>kept</p>');
		const inode = statSync(join(dist, 'kb', 'index.html')).ino;
		setAside(join(bench, 'peer-tierzero-5000'), bench);
		expect(existsSync(join(bench, 'peer-tierzero-5000'))).toBe(false);
		const [moved, ...others] = readdirSync(join(bench, 'trash'));
		expect(others).toEqual([]);
		expect(moved).toMatch(/-peer-tierzero-5000$/);
		const file = join(bench, 'trash', moved!, 'dist', 'kb', 'index.html');
		expect(readFileSync(file, 'utf8')).toBe('<p>kept</p>');
		// The same inode: a rename, not a copy and a delete.
		expect(statSync(file).ino).toBe(inode);
	});

	it('sets aside two trees of the same name without one replacing the other, and a missing path is no error', () => {
		for (let i = 0; i < 2; i += 1) {
			mkdirSync(join(bench, 'site'), { recursive: true });
			writeFileSync(join(bench, 'site', 'n'), String(i));
			setAside(join(bench, 'site'), bench);
		}
		setAside(join(bench, 'never-built'), bench);
		const moved = readdirSync(join(bench, 'trash'));
		expect(moved).toHaveLength(2);
		expect(moved.map((m) => readFileSync(join(bench, 'trash', m, 'n'), 'utf8')).sort()).toEqual(['0', '1']);
	});

	it('deletes everything set aside once the run has measured its builds, and only that', () => {
		mkdirSync(join(bench, 'content-5000'), { recursive: true });
		setAside(join(bench, 'content-5000'), bench);
		mkdirSync(join(bench, 'content-5000'), { recursive: true });
		expect(emptyTrash(bench)).toBe(true);
		expect(existsSync(join(bench, 'trash'))).toBe(false);
		expect(existsSync(join(bench, 'content-5000'))).toBe(true);
		// Nothing to empty is no error either.
		expect(emptyTrash(bench)).toBe(false);
	});
});
