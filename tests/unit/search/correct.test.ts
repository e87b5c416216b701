import { describe, expect, it } from 'vitest';
import { searchWithCorrection, type CorrectionSearch } from '../../../src/lib/search/correct.ts';
import { createSpeller } from '../../../src/lib/search/spell.ts';
import { buildVocabulary } from '../../../src/lib/search/vocabulary.ts';

// A tiny "index" that behaves like Pagefind: unknown words are dropped, the rest must all match.
const pages = [
	'webhook retries back off exponentially',
	'retries of failed agent runs',
	'webhook signature verification',
];
const fakeIndex: CorrectionSearch<{ results: string[] }> = {
	async search(query) {
		const known = query
			.toLowerCase()
			.split(/\s+/)
			.filter((w) => w && pages.some((p) => p.split(' ').includes(w)));
		const results = known.length ? pages.filter((p) => known.every((w) => p.split(' ').includes(w))) : [];
		return { results };
	},
	async isUnknown(word) {
		return (await this.search(word)).results.length === 0;
	},
};
const speller = createSpeller(buildVocabulary(pages));

describe('searchWithCorrection', () => {
	it('shows the corrected query when a typo is dropped by the index and narrows nothing', async () => {
		const outcome = await searchWithCorrection('webhok retries', fakeIndex, speller);
		expect(outcome).toEqual({
			query: 'webhook retries',
			typed: 'webhok retries',
			response: { results: ['webhook retries back off exponentially'] },
		});
	});

	it('shows the typed query when every word is known', async () => {
		const outcome = await searchWithCorrection('webhook retries', fakeIndex, speller);
		expect(outcome.typed).toBeUndefined();
		expect(outcome.query).toBe('webhook retries');
		expect(outcome.response.results).toHaveLength(1);
	});

	it('keeps a word the vocabulary lacks but the index knows', async () => {
		// "agent" is indexed but missing from this vocabulary; "agenda" would be one edit away.
		const partial = createSpeller(buildVocabulary(['agenda', ...pages.slice(0, 1)]));
		const outcome = await searchWithCorrection('agent', fakeIndex, partial);
		expect(outcome).toEqual({ query: 'agent', response: { results: ['retries of failed agent runs'] } });
	});

	it('keeps the typed results when the correction finds nothing either', async () => {
		const lonely = createSpeller(buildVocabulary(['xylophone']));
		const outcome = await searchWithCorrection('xylophome', fakeIndex, lonely);
		expect(outcome).toEqual({ query: 'xylophome', response: { results: [] } });
	});

	it('searches literally when asked, and offers the correction as a suggestion', async () => {
		const outcome = await searchWithCorrection('webhok', fakeIndex, speller, { literal: true });
		expect(outcome).toEqual({ query: 'webhok', response: { results: [] }, suggestion: 'webhook' });
	});

	it('is a plain search without a speller', async () => {
		const outcome = await searchWithCorrection('webhok', fakeIndex, null);
		expect(outcome).toEqual({ query: 'webhok', response: { results: [] } });
	});
});
