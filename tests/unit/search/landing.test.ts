import { describe, expect, it } from 'vitest';
import { landingPart, type SubResult } from '../../../src/lib/search/landing.ts';

// Word positions as Pagefind counts them, for a page whose text reads:
//   0–9 (opening): "Rotating a leaked API key. Keys leak through CI logs."
//   10–18 (solution): "Solution. Revoke the key, then create a new key."
const opening = (locations: number[]): SubResult => ({
	title: 'Rotating a leaked API key',
	url: '/kb/KB-0025/',
	excerpt: '',
	locations,
});
const solution = (locations: number[]): SubResult => ({
	title: 'Solution',
	url: '/kb/KB-0025/#solution',
	excerpt: '',
	locations,
});

describe('landingPart', () => {
	it('chooses the section that holds more of the query’s terms', () => {
		// "revoke key": the opening holds "key." only, the solution "Revoke" and "key," twice.
		const part = solution([11, 13, 18]);
		expect(landingPart({ sub_results: [opening([4]), part] }, [[11], [4, 13, 18]])).toBe(part);
	});

	it('keeps the page when its opening holds as many of the terms', () => {
		// "leaked key": both in the opening; the solution holds "key" twice but not "leaked".
		expect(landingPart({ sub_results: [opening([2, 4]), solution([13, 18])] }, [[2], [4, 13, 18]])).toBeUndefined();
	});

	it('counts a term by the positions Pagefind matched for it, whatever form the word takes', () => {
		// "key" matched "key." (4) and "Keys" (5), "leaked" matched "leak" (6): the opening holds both.
		expect(
			landingPart({ sub_results: [opening([4, 5, 6]), solution([11, 13, 18])] }, [[4, 5, 13, 18], [2, 6]]),
		).toBeUndefined();
		// A term matched nowhere in a part does not count for it, however many words the part matched.
		expect(landingPart({ sub_results: [opening([4]), solution([11, 13])] }, [[11], [4, 13]])?.title).toBe('Solution');
	});

	it('gives the opening a tie on terms, wherever it is listed and however often a section repeats them', () => {
		const sub = [solution([11, 13, 18]), opening([3])];
		const terms = [[3], [11]];
		expect(landingPart({ sub_results: sub }, terms)).toBeUndefined();
		expect(landingPart({ sub_results: [...sub].reverse() }, terms)).toBeUndefined();
	});

	it('counts matched words when there are no terms (an entry ID)', () => {
		expect(landingPart({ sub_results: [opening([4]), solution([11, 13])] }, [])?.title).toBe('Solution');
		expect(landingPart({ sub_results: [opening([4, 5]), solution([11, 13])] }, [])).toBeUndefined();
	});

	it('never chooses a section without a matched word', () => {
		expect(landingPart({ sub_results: [solution([])] }, [[4]])).toBeUndefined();
		expect(landingPart({ sub_results: [] }, [[4]])).toBeUndefined();
		expect(landingPart({}, [[4]])).toBeUndefined();
	});
});
