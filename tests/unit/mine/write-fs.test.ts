import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARKER, writeDirsAtomically } from '../../../src/lib/mine/write-fs.ts';

let root: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'mine-write-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writeDirsAtomically', () => {
	it('writes new folders with a marker and replaces its own old output whole', () => {
		const out = join(root, 'reports', 'mine');
		writeDirsAtomically([
			{
				dir: out,
				files: new Map([
					['a.txt', '1'],
					['old.txt', 'x'],
				]),
			},
		]);
		expect(readdirSync(out).sort()).toEqual([MARKER, 'a.txt', 'old.txt']);
		writeDirsAtomically([{ dir: out, files: new Map([['a.txt', '2']]) }]);
		expect(readdirSync(out).sort()).toEqual([MARKER, 'a.txt']);
		expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('2');
		expect(readdirSync(join(root, 'reports'))).toEqual(['mine']);
	});

	it('refuses to replace a folder it did not write', () => {
		const faq = join(root, 'faq');
		mkdirSync(faq);
		writeFileSync(join(faq, 'keep.mdx'), 'mine');
		expect(() => writeDirsAtomically([{ dir: faq, files: new Map() }])).toThrow(
			'exists and was not written by npm run mine',
		);
		expect(readdirSync(faq)).toEqual(['keep.mdx']);
	});

	it('leaves the old output untouched when writing fails half-way', () => {
		const out = join(root, 'out');
		const drafts = join(root, 'drafts');
		writeDirsAtomically([{ dir: out, files: new Map([['report.md', 'old']]) }]);
		// "x" is a file, so "x/y.mdx" cannot be created: the second folder fails after the first was staged.
		expect(() =>
			writeDirsAtomically([
				{ dir: out, files: new Map([['report.md', 'new']]) },
				{
					dir: drafts,
					files: new Map([
						['x', ''],
						['x/y.mdx', ''],
					]),
				},
			]),
		).toThrow();
		expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('old');
		expect(existsSync(drafts)).toBe(false);
		expect(readdirSync(root).sort()).toEqual(['out']);
	});
});
