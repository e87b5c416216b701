import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../../src/lib/code-fingerprint-fs.ts';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'tierzero-fingerprint-'));
	mkdirSync(join(dir, 'a/lib/sub'), { recursive: true });
	writeFileSync(join(dir, 'a/lib/one.ts'), 'export const one = 1;');
	writeFileSync(join(dir, 'a/lib/sub/two.ts'), 'export const two = 2;');
	writeFileSync(join(dir, 'a/lib/notes.md'), 'not code');
	writeFileSync(join(dir, 'a/lock.json'), '{}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const of = (root: string, packages: string[] = []) => codeFingerprint([join(root, 'lib'), join(root, 'lock.json')], packages);

describe('codeFingerprint', () => {
	it('changes with a source at any depth, a listed file or a package, and not with other files', () => {
		const before = of(join(dir, 'a'));
		writeFileSync(join(dir, 'a/lib/notes.md'), 'still not code');
		expect(of(join(dir, 'a'))).toBe(before);
		expect(of(join(dir, 'a'), ['yaml'])).not.toBe(before);
		writeFileSync(join(dir, 'a/lib/sub/two.ts'), 'export const two = 3;');
		const deeper = of(join(dir, 'a'));
		expect(deeper).not.toBe(before);
		writeFileSync(join(dir, 'a/lock.json'), '{"changed":1}');
		expect(of(join(dir, 'a'))).not.toBe(deeper);
	});

	it('is the same for the same code in another folder, and tells a missing file from an empty one', () => {
		cpSync(join(dir, 'a'), join(dir, 'b'), { recursive: true });
		expect(of(join(dir, 'b'))).toBe(of(join(dir, 'a')));
		rmSync(join(dir, 'b/lock.json'));
		const missing = of(join(dir, 'b'));
		writeFileSync(join(dir, 'b/lock.json'), '');
		expect(of(join(dir, 'b'))).not.toBe(missing);
	});
});
