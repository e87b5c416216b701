import { describe, expect, it } from 'vitest';
import {
	ENOUGH_FULL_MATCHES,
	finalOrder,
	idf,
	locatedScore,
	fieldWeight,
	rankCandidates,
	relax,
} from '../../../src/lib/search/rank.ts';

const pages = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('rankCandidates', () => {
	it('ranks a page holding a rare term above one holding a common term', () => {
		// "mac" is on 1 page of 20, "install" on 10.
		const mac = pages({ a: 1 });
		const install = pages(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, 1])));
		const ranked = rankCandidates([install, mac], 20);
		expect(ranked[0]!.id).toBe('a');
		expect(idf(1, 20)).toBeGreaterThan(idf(10, 20));
	});

	it('ranks pages holding more terms first when the terms are equally rare', () => {
		const ranked = rankCandidates([pages({ a: 1, b: 1 }), pages({ b: 1, c: 1 })], 10);
		expect(ranked.map((c) => c.id)).toEqual(['b', 'a', 'c']);
		expect(ranked[0]!.held).toEqual([0, 1]);
	});

	it('breaks ties by Pagefind score relative to the best page for the term', () => {
		const ranked = rankCandidates([pages({ a: 2, b: 8 })], 10);
		expect(ranked.map((c) => c.id)).toEqual(['b', 'a']);
	});

	it('leaves out pages the filters exclude', () => {
		expect(rankCandidates([pages({ a: 1, b: 1 })], 10, (id) => id !== 'a').map((c) => c.id)).toEqual([
			'b',
		]);
	});
});

describe('located ranking', () => {
	it('weighs a title or alias match three times a body match, a summary twice', () => {
		expect(fieldWeight(['title'])).toBe(3);
		expect(fieldWeight(['summary', 'aliases'])).toBe(3);
		expect(fieldWeight(['summary'])).toBe(2);
		expect(fieldWeight(['severity'])).toBe(1);
		expect(fieldWeight([])).toBe(1);
		expect(fieldWeight(undefined)).toBe(1);
		const terms = [pages({ a: 1, b: 1 }), pages({ a: 1 })];
		expect(locatedScore([0, 1], (t) => [3, 1][t]!, terms, 10)).toBeCloseTo(3 * idf(2, 10) + idf(1, 10));
	});

	it('orders located pages by their score, then terms held, then Pagefind score', () => {
		const a = { id: 'a', held: [0], score: 3, pagefind: 1, located: 1 };
		const b = { id: 'b', held: [0, 1], score: 2, pagefind: 1, located: 1 };
		const c = { id: 'c', held: [1], score: 1, pagefind: 1, located: 5 };
		const d = { id: 'd', held: [0], score: 0.5, pagefind: 2, located: 1 };
		expect(finalOrder([a, b, c, d]).map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
	});
});

describe('relax', () => {
	const full = (id: string) => ({ id, held: [0, 1], score: 2, pagefind: 2 });
	const half = (id: string) => ({ id, held: [1], score: 1, pagefind: 1 });

	it('keeps only pages holding every term when there are enough of them', () => {
		const candidates = [...Array.from({ length: ENOUGH_FULL_MATCHES }, (_, i) => full(`f${i}`)), half('h')];
		expect(relax(candidates, 2)).toEqual({ candidates: candidates.slice(0, -1), relaxed: false });
	});

	it('keeps pages holding some terms when few hold all, and never returns nothing', () => {
		const candidates = [full('f'), half('h')];
		expect(relax(candidates, 2)).toEqual({ candidates, relaxed: true });
		expect(relax([half('h')], 2)).toEqual({ candidates: [half('h')], relaxed: true });
	});
});
