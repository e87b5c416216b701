import { describe, expect, it } from 'vitest';
import { indexKb, type KbIndexable } from '../../../src/lib/kb-index.ts';

const entry = (id: string, status: KbIndexable['data']['status'], tags: string[] = []) => ({ data: { id, status, tags } });

describe('indexKb', () => {
	const entries = [
		entry('KB-0001', 'published', ['sso', 'login']),
		entry('KB-0002', 'archived', ['legacy', 'login']),
		entry('KB-0003', 'draft', ['preview']),
		entry('KB-0004', 'published', ['webhooks']),
	];
	const index = indexKb(entries);

	it('finds every entry by its KB ID, archived and draft ones too', () => {
		expect(index.byId.get('KB-0002')).toBe(entries[1]);
		expect(index.byId.get('KB-0003')).toBe(entries[2]);
		expect(index.byId.get('KB-9999')).toBeUndefined();
	});

	it('lists only published entries as live, in the order given', () => {
		expect(index.live.map((e) => e.data.id)).toEqual(['KB-0001', 'KB-0004']);
	});

	it('gives a tag a page only when a live entry carries it', () => {
		expect([...index.liveTags].sort()).toEqual(['login', 'sso', 'webhooks']);
		expect(index.liveTags.has('legacy')).toBe(false);
		expect(index.liveTags.has('preview')).toBe(false);
	});

	it('resolves related IDs in the order written, leaving out IDs that have no entry', () => {
		expect(index.resolve(['KB-0004', 'KB-0404', 'KB-0002']).map((e) => e.data.id)).toEqual(['KB-0004', 'KB-0002']);
		expect(index.resolve([])).toEqual([]);
	});
});
