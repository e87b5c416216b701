import { describe, expect, it } from 'vitest';
import { kbApiFileName, kbApiKey, planKbApiFiles } from '../../../src/lib/kb-api-files.ts';

const origins = { site: 'https://help.example.com', public: 'https://help.example.com' };
const data = { id: 'KB-0001', title: 'A', updated: new Date('2026-03-02'), tags: ['x'] };

describe('kbApiKey', () => {
	it('changes with anything the file is made from, and only then', () => {
		const key = kbApiKey('code', origins, 'content/kb/a.md', data, 'Body');
		expect(kbApiKey('code', origins, 'content/kb/other-name.md', { ...data }, 'Body')).toBe(key);
		const changed = [
			kbApiKey('code 2', origins, 'content/kb/a.md', data, 'Body'),
			kbApiKey('code', { ...origins, public: 'https://other.example.com' }, 'content/kb/a.md', data, 'Body'),
			kbApiKey('code', { ...origins, site: 'https://staff.example.com' }, 'content/kb/a.md', data, 'Body'),
			kbApiKey('code', origins, 'content/kb/a.mdx', data, 'Body'),
			kbApiKey('code', origins, 'content/kb/a.md', { ...data, title: 'B' }, 'Body'),
			kbApiKey('code', origins, 'content/kb/a.md', { ...data, updated: new Date('2026-03-03') }, 'Body'),
			kbApiKey('code', origins, 'content/kb/a.md', data, 'Body.'),
		];
		expect(new Set([key, ...changed]).size).toBe(changed.length + 1);
	});

	it('tells a date from the string that spells it', () => {
		expect(kbApiKey('c', origins, 'a.md', { updated: new Date('2026-03-02T00:00:00.000Z') }, '')).not.toBe(
			kbApiKey('c', origins, 'a.md', { updated: '2026-03-02T00:00:00.000Z' }, ''),
		);
	});
});

describe('planKbApiFiles', () => {
	const wanted = new Map([
		['KB-0001', 'k1'],
		['KB-0002', 'k2'],
		['KB-10000', 'k3'],
	]);

	it('writes every file on a first build, and removes what no article has', () => {
		expect(planKbApiFiles(wanted, {}, new Set(['stray.json']))).toEqual({ write: ['KB-0001', 'KB-0002', 'KB-10000'], keep: [], remove: ['stray.json'] });
	});

	it('keeps a file only when it is there and was written from the same key', () => {
		const present = new Set(['KB-0001.json', 'KB-0002.json', 'KB-0003.json']);
		const previous = { 'KB-0001': 'k1', 'KB-0002': 'old', 'KB-0003': 'k', 'KB-10000': 'k3' };
		// KB-10000's file is gone from the output (a cleaned folder): written again though its key is the same.
		expect(planKbApiFiles(wanted, previous, present)).toEqual({ write: ['KB-0002', 'KB-10000'], keep: ['KB-0001'], remove: ['KB-0003.json'] });
	});

	it('does not take an inherited property for a key', () => {
		expect(planKbApiFiles(new Map([['constructor', 'k']]), {}, new Set(['constructor.json'])).keep).toEqual([]);
	});

	it('names a file after its article', () => {
		expect(kbApiFileName('KB-12345')).toBe('KB-12345.json');
	});
});
