import fc from 'fast-check';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import {
	COMMON_SHARE,
	commonIndexWords,
	commonTextWords,
	searchableWords,
	skipCommon,
	stemsFromIndex,
	wordPositions,
} from '../../../src/lib/search/common-words.ts';
import { parseChunk, type IndexWord } from '../../../src/lib/search/index-chunks.ts';
import { parseQuery } from '../../../src/lib/search/query.ts';

afterAll(() => pagefind.close());

describe('common index words', () => {
	it('are those on the common share of the pages or more, with a list of at least the given units', () => {
		const index: [string, { units: number; pages: number }][] = [
			['work', { units: 5000, pages: 200 }],
			['take', { units: 5000, pages: 199 }],
			['messag', { units: 1999, pages: 900 }],
			['instal', { units: 2000, pages: 1000 }],
		];
		expect(COMMON_SHARE).toBe(0.2);
		expect([...commonIndexWords(index, 1000, 2000)]).toEqual(['work', 'instal']);
	});

	it('are none on a small site, whose lists are all short', () => {
		// 85 pages: a word on every page with 20 locations each is still under a 2,000-unit list.
		expect(commonIndexWords([['agent', { units: 85 * 21, pages: 85 }]], 85, 2000).size).toBe(0);
	});
});

describe('text words', () => {
	it('a query could search alone: plain words, no fillers, each once', () => {
		expect(searchableWords([['the', 'agent', 'sign-in', '4.0', 'agent'], ['why', 'install', 'agent', 'naïve']])).toEqual([
			'agent',
			'install',
			'naïve',
		]);
	});

	it('are listed when their stem is common, sorted', () => {
		const stems = new Map([
			['installs', 'instal'],
			['installation', 'instal'],
			['takeover', 'takeov'],
			['takes', 'take'],
		]);
		expect(commonTextWords(['takes', 'takeover', 'installs', 'installation', 'unknown'], stems, new Set(['instal', 'take']))).toEqual([
			'installation',
			'installs',
			'takes',
		]);
	});
});

describe("Pagefind's word locations", () => {
	it('are steps from the position before, with weight markers between', () => {
		expect(wordPositions([-25, 0, 1])).toEqual([0, 1]);
		expect(wordPositions([-25, 2, 1, 3])).toEqual([2, 3, 6]);
		expect(wordPositions([])).toEqual([]);
	});

	it('tell each word its stem, by position', () => {
		const index: IndexWord[] = [
			['instal', [[0, [-25, 0, 2]]]],
			['take', [[0, [-25, 1]]]],
		];
		expect(stemsFromIndex(['installs', 'takes', 'installation'], index)).toEqual(
			new Map([
				['installs', 'instal'],
				['takes', 'take'],
				['installation', 'instal'],
			]),
		);
		// Positions past the page, or most words without a stem: not a layout this code knows.
		expect(stemsFromIndex(['installs'], index)).toBeNull();
		expect(stemsFromIndex(['a', 'b', 'c', 'd'], [['a', [[0, [0]]]]])).toBeNull();
	});

	it("give Pagefind's own stems for a page of words it indexed", async () => {
		const words = ['installs', 'installation', 'takes', 'takeover', 'policy', 'policies', 'merging', 'running', 'a1'];
		const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
		await index!.addCustomRecord({ url: '/', content: words.join(' '), language: 'en' });
		const { files } = await index!.getFiles();
		await index!.deleteIndex();
		const indexWords = files.filter((f) => f.path.includes('index/')).flatMap((f) => parseChunk(f.content, f.path));
		const stems = stemsFromIndex(words, indexWords);
		expect(Object.fromEntries(stems!)).toEqual({
			installs: 'instal',
			installation: 'instal',
			takes: 'take',
			takeover: 'takeov',
			policy: 'polici',
			policies: 'polici',
			merging: 'merg',
			running: 'run',
			a1: 'a1',
		});
	}, 60_000);
});

describe('skipCommon', () => {
	const common = new Set(['work', 'takes', 'error', 'fails']);

	it('leaves the common terms out of a query that has rarer ones', () => {
		const { terms } = parseQuery('merging the agents work takes forever');
		const { searched, skipped } = skipCommon(terms, common);
		expect(searched.map((t) => t.text)).toEqual(['merging', 'agents', 'forever']);
		expect(skipped.map((t) => t.text)).toEqual(['work', 'takes']);
	});

	it('searches every term of a query that has nothing but common ones', () => {
		const { terms } = parseQuery('error fails');
		expect(skipCommon(terms, common)).toEqual({ searched: terms, skipped: [] });
	});

	it('keeps a term one of whose synonyms is rarer', () => {
		const { terms } = parseQuery('work webhook', [['work', 'job']]);
		expect(skipCommon(terms, common).searched.map((t) => t.text)).toEqual(['work', 'webhook']);
		expect(skipCommon(terms, new Set([...common, 'job'])).skipped.map((t) => t.text)).toEqual(['work']);
	});

	it('never leaves a query without a term, and keeps every term it had', () => {
		const word = fc.constantFrom('work', 'takes', 'error', 'fails', 'agent', 'webhook', 'mac');
		fc.assert(
			fc.property(fc.array(word, { maxLength: 6 }), (words) => {
				const { terms } = parseQuery(words.join(' '));
				const { searched, skipped } = skipCommon(terms, common);
				expect(searched.length > 0 || terms.length === 0).toBe(true);
				expect([...searched, ...skipped].map((t) => t.text).sort()).toEqual(terms.map((t) => t.text).sort());
				expect(skipped.every((t) => common.has(t.text))).toBe(true);
			}),
		);
	});
});
