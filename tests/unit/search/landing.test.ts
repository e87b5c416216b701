import { describe, expect, it } from 'vitest';
import { landingFor, type SubResult } from '../../../src/lib/search/landing.ts';

// Word positions as Pagefind counts them: the page's text split at whitespace.
const content =
	'Rotating a leaked API key. Keys leak through CI logs. ' + // 0–9: opening
	'Solution. Revoke the key, then create a new key.'; // 10–18: solution
const opening = (locations: number[]): SubResult => ({
	title: 'Rotating a leaked API key',
	url: '/kb/KB-0025/',
	excerpt: 'opening excerpt',
	locations,
});
const solution = (locations: number[]): SubResult => ({
	title: 'Solution',
	url: '/kb/KB-0025/#solution',
	excerpt: 'solution excerpt',
	locations,
});
const page = { url: '/kb/KB-0025/', excerpt: 'page excerpt', content };

describe('landingFor', () => {
	it('links to the section that holds more of the query’s words, with its heading and excerpt', () => {
		// "revoke key": the opening has "key." only, the solution has "Revoke" and "key,".
		expect(
			landingFor({ ...page, sub_results: [opening([4]), solution([11, 13, 18])] }, 'revoke key'),
		).toEqual({
			url: '/kb/KB-0025/#solution',
			section: 'Solution',
			excerpt: 'solution excerpt',
		});
	});

	it('links to the page when its opening holds as many of the words', () => {
		// "leaked key": both in the opening; the solution has "key" twice but not "leaked".
		expect(
			landingFor({ ...page, sub_results: [opening([2, 4]), solution([13, 18])] }, 'leaked key'),
		).toEqual({
			url: '/kb/KB-0025/',
			section: null,
			excerpt: 'page excerpt',
		});
	});

	it('counts a query term once whatever its case, punctuation or inflection', () => {
		// "Keys leak" and "key." are forms of "key" and "leaked": the opening holds both terms.
		expect(
			landingFor({ ...page, sub_results: [opening([5, 6]), solution([11, 13, 18])] }, 'KEY, leaked')
				.section,
		).toBeNull();
		// "Revoke" is no form of either, and one more term is what it takes to open a section.
		expect(
			landingFor({ ...page, sub_results: [opening([4]), solution([11, 13])] }, 'revoked key')
				.section,
		).toBe('Solution');
	});

	it('gives the opening a tie on terms, wherever it is listed and however often a section repeats them', () => {
		const sub = [solution([11, 13, 18]), opening([3])];
		expect(landingFor({ ...page, sub_results: sub }, 'api revoke').section).toBeNull();
		expect(landingFor({ ...page, sub_results: sub.reverse() }, 'api revoke').section).toBeNull();
	});

	it('counts matched words where the page text is missing', () => {
		const { content: _, ...noContent } = page;
		expect(
			landingFor({ ...noContent, sub_results: [opening([4]), solution([11, 13])] }, 'revoke key')
				.url,
		).toBe('/kb/KB-0025/#solution');
	});

	it('never links to a section without a matched word', () => {
		expect(landingFor({ ...page, sub_results: [solution([])] }, 'key').url).toBe('/kb/KB-0025/');
		expect(landingFor({ ...page, sub_results: [] }, 'key').url).toBe('/kb/KB-0025/');
		expect(landingFor(page, 'key').url).toBe('/kb/KB-0025/');
	});
});
