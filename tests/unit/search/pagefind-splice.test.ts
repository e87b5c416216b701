import fc from 'fast-check';
import { decode, encode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { entryHasPage, scanEntry, writeEntry } from '../../../src/lib/search/index-chunks.ts';
import { compareWords, numbering } from '../../../src/lib/search/pagefind-splice.ts';

/** Rust compares strings by UTF-8 bytes, as Pagefind sorts its words. */
const rustOrder = (a: string, b: string) => Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe('compareWords', () => {
	it('orders as Rust orders strings, astral characters after the rest of the BMP', () => {
		expect(compareWords('\uFFFD', '\u{1F600}')).toBeLessThan(0);
		expect(compareWords('ab', 'abc')).toBeLessThan(0);
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
				expect(Math.sign(compareWords(a, b))).toBe(rustOrder(a, b));
			}),
		);
	});
});

describe('numbering', () => {
	const plan = (replaced: [number, number][], removed: number[], added: number[]) => ({ replaced: new Map(replaced), removed: new Set(removed), added });

	it('keeps every number when pages are only replaced', () => {
		const { patchTo, moved, count } = numbering(5, plan([[3, 0]], [], []));
		expect([...patchTo]).toEqual([[0, 3]]);
		expect(moved.size).toBe(0);
		expect(count).toBe(5);
	});

	it('gives new pages the numbers of removed ones first, then the next ones', () => {
		const { patchTo, count } = numbering(5, plan([], [1], [0, 1]));
		expect(patchTo.get(0)).toBe(1);
		expect(patchTo.get(1)).toBe(5);
		expect(count).toBe(6);
	});

	it('moves the last pages into the holes no new page fills, and the replacement of a moved page follows it', () => {
		const { patchTo, moved, count } = numbering(10, plan([[9, 0]], [3, 8], []));
		expect([...moved]).toEqual([[9, 3]]);
		expect(patchTo.get(0)).toBe(3);
		expect(count).toBe(8);
	});

	it('numbers every page of the result exactly once, whatever the plan', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 40 }).chain((base) =>
					fc.tuple(fc.constant(base), fc.subarray([...Array(base).keys()]), fc.subarray([...Array(base).keys()]), fc.integer({ min: 0, max: 6 })),
				),
				([base, removedPages, replacedPages, added]) => {
					const removed = new Set(removedPages);
					const replaced = replacedPages.filter((p) => !removed.has(p));
					let patch = 0;
					const p = {
						replaced: new Map(replaced.map((page) => [page, patch++])),
						removed,
						added: Array.from({ length: added }, () => patch++),
					};
					const { patchTo, moved, count } = numbering(base, p);
					expect(count).toBe(base - removed.size + added);
					const numbers: number[] = [];
					for (let page = 0; page < base; page++) {
						if (removed.has(page) || p.replaced.has(page)) continue;
						numbers.push(moved.get(page) ?? page);
					}
					numbers.push(...patchTo.values());
					expect(numbers.sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
					for (const [from, to] of moved) expect(to).toBeLessThan(from);
				},
			),
		);
	});
});

/** A word entry as Pagefind writes it: pages by difference, locations with weight markers, metadata locations, variants. */
const pageArb = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.array(fc.integer({ min: -100, max: 5000 }), { maxLength: 12 }), fc.array(fc.integer({ min: -6, max: 40 }), { maxLength: 4 }));
const entryArb = fc.tuple(
	fc.string({ unit: 'grapheme', minLength: 1 }),
	fc.array(pageArb, { maxLength: 8 }),
	fc.array(fc.tuple(fc.string({ unit: 'grapheme', minLength: 1 }), fc.array(pageArb, { minLength: 1, maxLength: 4 })), { maxLength: 3 }),
);

/** Absolute page numbers of a list written by difference. */
const absolute = (pages: [number, ...unknown[]][]) => {
	let last = 0;
	return pages.map(([delta]) => (last += delta));
};

describe('scanEntry and writeEntry', () => {
	it('take an entry apart and write it back byte for byte', () => {
		fc.assert(
			fc.property(entryArb, (entry) => {
				const bytes = encode(entry);
				const scanned = scanEntry(bytes);
				expect(scanned).not.toBeNull();
				expect(scanned!.word).toBe(entry[0]);
				expect(scanned!.pages.map((p) => p.page)).toEqual(absolute(entry[1]));
				const written = writeEntry(scanned!);
				expect(Buffer.from(written.bytes).equals(Buffer.from(bytes))).toBe(true);
				expect(written.units).toBe(entry[1].reduce((sum, [, l, m]) => sum + l.length + m.length + 1, 0));
			}),
		);
	});

	it('renumber pages as decoding, renumbering and encoding again would', () => {
		fc.assert(
			fc.property(entryArb, fc.integer({ min: 0, max: 50 }), (entry, shift) => {
				const scanned = scanEntry(encode(entry))!;
				// Reverse the page order by number: the written entry must sort them again.
				const renumber = (n: number) => 100_000 - n * 3 + shift;
				scanned.pages = scanned.pages.map((p) => ({ ...p, page: renumber(p.page) }));
				for (const v of scanned.variants ?? []) v.pages = v.pages.map((p) => ({ ...p, page: renumber(p.page) }));
				const [word, pages, variants] = decode(writeEntry(scanned).bytes) as typeof entry;
				const expected = (list: (typeof entry)[1]) => {
					const abs = absolute(list);
					return list.map(([, l, m], i) => [renumber(abs[i]!), l, m] as const).sort((a, b) => a[0] - b[0]);
				};
				expect(word).toBe(entry[0]);
				expect(pages.map(([, l, m], i) => [absolute(pages)[i], l, m])).toEqual(expected(entry[1]));
				variants.forEach(([form, list], i) => {
					expect(form).toBe(entry[2][i]![0]);
					expect(list.map(([, l, m], j) => [absolute(list)[j], l, m])).toEqual(expected(entry[2][i]![1]));
				});
			}),
		);
	});

	it('find whether an entry lists a page, in its pages or its variants', () => {
		fc.assert(
			fc.property(entryArb, fc.integer({ min: 0, max: 1500 }), (entry, page) => {
				const all = [...absolute(entry[1]), ...entry[2].flatMap(([, list]) => absolute(list))];
				expect(entryHasPage(encode(entry), (p) => p === page)).toBe(all.includes(page));
			}),
		);
	});

	it('do not take bytes cborg would not write back', () => {
		expect(scanEntry(Uint8Array.of(0x9f, 0xff))).toBeNull();
		expect(entryHasPage(Uint8Array.of(0x83, 0x61), () => true)).toBeNull();
	});
});
