import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSettings, digestOf, entriesCacheKey, pageCacheKey, siteDigest, type SiteMetadata } from '../../../src/lib/page-cache-key.ts';

const site = (over: Partial<SiteMetadata> = {}): SiteMetadata => ({
	entries: [
		{ collection: 'kb', id: 'cli/a', data: { id: 'KB-0001', title: 'A', updated: new Date('2026-03-02'), related: ['KB-0002'] } },
		{ collection: 'kb', id: 'webhooks/b', data: { id: 'KB-0002', title: 'B', updated: new Date('2026-04-10'), related: [] } },
		{ collection: 'faq', id: 'cli/install', data: { question: 'How?', related: ['KB-0001'] } },
	],
	categories: [{ slug: 'cli', name: 'CLI', order: 1 }],
	settings: { TIERZERO_EDITION: 'public' },
	...over,
});

describe('digests', () => {
	it('ignore key order and treat equal dates alike', () => {
		expect(digestOf({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(digestOf({ b: { d: [1, 2], c: 2 }, a: 1 }));
		expect(digestOf({ d: new Date('2026-01-01') })).toBe(digestOf({ d: new Date('2026-01-01T00:00:00Z') }));
		expect(digestOf({ d: new Date('2026-01-01') })).not.toBe(digestOf({ d: new Date('2026-01-02') }));
		expect(digestOf([1, 2])).not.toBe(digestOf([2, 1]));
	});

	it('differ exactly when the values differ beyond key order', () => {
		// Rebuilds a value with its object keys in the given order (reversed or sorted).
		const reorder = (v: unknown, order: (keys: string[]) => string[]): unknown =>
			Array.isArray(v)
				? v.map((x) => reorder(x, order))
				: v && typeof v === 'object'
					? Object.fromEntries(order(Object.keys(v)).map((k) => [k, reorder((v as Record<string, unknown>)[k], order)]))
					: v;
		const canonical = (v: unknown) => JSON.stringify(reorder(v, (k) => [...k].sort()));
		fc.assert(
			fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
				expect(digestOf(reorder(a, (k) => [...k].reverse()))).toBe(digestOf(a));
				expect(digestOf(a) === digestOf(b)).toBe(canonical(a) === canonical(b));
			}),
		);
	});
});

describe('the site-wide digest', () => {
	it('does not depend on the order entries come in', () => {
		const s = site();
		expect(siteDigest({ ...s, entries: [...s.entries].reverse() })).toBe(siteDigest(s));
	});

	it("changes with any entry's frontmatter, a category or a setting", () => {
		const base = siteDigest(site());
		const s = site();
		const retitled = s.entries.map((e) => (e.id === 'webhooks/b' ? { ...e, data: { ...(e.data as object), title: 'B2' } } : e));
		expect(siteDigest({ ...s, entries: retitled })).not.toBe(base);
		expect(siteDigest({ ...s, entries: s.entries.slice(1) })).not.toBe(base);
		expect(siteDigest(site({ categories: [{ slug: 'cli', name: 'Command line', order: 1 }] }))).not.toBe(base);
		expect(siteDigest(site({ settings: { TIERZERO_EDITION: 'internal' } }))).not.toBe(base);
	});

	it('tells apart the same id in two collections', () => {
		const one = site({ entries: [{ collection: 'kb', id: 'x', data: {} }] });
		const other = site({ entries: [{ collection: 'faq', id: 'x', data: {} }] });
		expect(siteDigest(one)).not.toBe(siteDigest(other));
	});
});

describe("a page's key", () => {
	it("is the entry's own digest and the site's", () => {
		expect(pageCacheKey({ id: 'cli/a', digest: 'abc', data: {} }, 'site1')).toBe('abc:site1');
		expect(pageCacheKey({ id: 'cli/a', digest: 'abc', data: {} }, 'site2')).not.toBe('abc:site1');
	});

	it('hashes the body and data when the loader gave no digest', () => {
		const key = (body: string) => pageCacheKey({ id: 'a', body, data: { title: 'A' } }, 's');
		expect(key('one')).toBe(key('one'));
		expect(key('one')).not.toBe(key('two'));
	});
});

describe('the key of a page showing several entries whole', () => {
	const entry = (id: string, body: string) => ({ id, body, data: { title: id } });
	it('changes when any entry, their order or the site does, and only then', () => {
		const pages = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.string({ maxLength: 3 })), { maxLength: 4 });
		fc.assert(
			fc.property(pages, pages, fc.constantFrom('s1', 's2'), fc.constantFrom('s1', 's2'), (one, two, site1, site2) => {
				const key1 = entriesCacheKey(one.map(([id, body]) => entry(id, body)), site1);
				const key2 = entriesCacheKey(two.map(([id, body]) => entry(id, body)), site2);
				expect(key1 === key2).toBe(JSON.stringify(one) === JSON.stringify(two) && site1 === site2);
			}),
		);
	});

	it("uses each entry's own digest when the loader gave one", () => {
		const key = (digest: string) => entriesCacheKey([{ id: 'a', digest, body: 'same', data: {} }], 's');
		expect(key('d1')).not.toBe(key('d2'));
	});
});

describe('build settings', () => {
	it('keeps the TIERZERO_ values pages can show, not where the build reads and writes', () => {
		expect(
			buildSettings({
				TIERZERO_SITE: 'https://help.example.com',
				TIERZERO_EDITION: 'internal',
				TIERZERO_OUT_DIR: '/tmp/a',
				TIERZERO_CACHE_DIR: '/tmp/b',
				TIERZERO_CONTENT_DIR: '/tmp/c',
				TIERZERO_BENCH_RSS_FILE: '/tmp/d',
				HOME: '/root',
			}),
		).toEqual({ TIERZERO_EDITION: 'internal', TIERZERO_SITE: 'https://help.example.com' });
	});
});
