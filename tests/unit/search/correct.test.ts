import { describe, expect, it } from 'vitest';
import { isRealMatch, searchWithCorrection } from '../../../src/lib/search/correct.ts';
import { createSpeller } from '../../../src/lib/search/spell.ts';
import { buildVocabulary } from '../../../src/lib/search/vocabulary.ts';

const pages = [
	'webhook retries back off exponentially',
	'retries of failed agent runs',
	'webhook signature verification',
	'the web dashboard',
];

/**
 * A tiny index that behaves like Pagefind 1.6: every query word must match a page word by prefix,
 * and a word that starts no page word falls back to its longest start that is one ("webhok" →
 * "web"), so typos still return (wrong) results.
 */
async function search(query: string) {
	const words = pages.flatMap((p) => p.split(' '));
	const terms = query
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.map((term) => {
			if (words.some((w) => w.startsWith(term))) return (w: string) => w.startsWith(term);
			for (let n = term.length - 1; n > 0; n--) {
				const start = term.slice(0, n);
				if (words.includes(start)) return (w: string) => w === start;
			}
			return () => false;
		});
	const matches = (page: string) => terms.every((t) => page.split(' ').some(t));
	return { results: terms.length ? pages.filter(matches) : [] };
}

const speller = createSpeller(buildVocabulary(pages));
const index = { search };

describe('searchWithCorrection', () => {
	it('shows the corrected query instead of what the typo falls back to', async () => {
		expect((await search('webhok retries')).results).toEqual([]);
		expect((await search('webhok')).results).toEqual(['the web dashboard']);
		expect(await searchWithCorrection('webhok', index, speller)).toEqual({
			query: 'webhook',
			typed: 'webhok',
			response: {
				results: ['webhook retries back off exponentially', 'webhook signature verification'],
			},
		});
		expect(await searchWithCorrection('webhok retries', index, speller)).toEqual({
			query: 'webhook retries',
			typed: 'webhok retries',
			response: { results: ['webhook retries back off exponentially'] },
		});
	});

	it('searches the typed query when every word is known or starts a known word', async () => {
		expect(await searchWithCorrection('webhook sig', index, speller)).toEqual({
			query: 'webhook sig',
			response: { results: ['webhook signature verification'] },
		});
	});

	it('keeps the typed query when the correction finds nothing', async () => {
		// "signature retries" has no page; its typo'd form is searched as typed.
		expect(await searchWithCorrection('signatur retries', index, speller)).toEqual({
			query: 'signatur retries',
			response: { results: [] },
		});
	});

	it('searches literally when asked, and offers the correction as a suggestion', async () => {
		expect(await searchWithCorrection('webhok', index, speller, { literal: true })).toEqual({
			query: 'webhok',
			response: { results: ['the web dashboard'] },
			suggestion: 'webhook',
		});
	});

	it('leaves alone numbers, IDs and versions, and keeps the spacing of what it corrects', async () => {
		expect((await searchWithCorrection('KB-0042 1.1.0 429', index, speller)).typed).toBeUndefined();
		expect(await searchWithCorrection('  Webhok,  retries', index, speller)).toMatchObject({
			query: '  webhook,  retries',
		});
	});

	it('is a plain search without a speller', async () => {
		expect(await searchWithCorrection('webhok', index, null)).toEqual({
			query: 'webhok',
			response: { results: ['the web dashboard'] },
		});
	});
});

describe('searchWithCorrection with an index check', () => {
	it('keeps a word the vocabulary lacks when the index has it', async () => {
		// "dashbord" is not in this vocabulary, but the index says the pages do contain it.
		const partial = createSpeller(buildVocabulary(['dashboard dashboard']));
		const outcome = await searchWithCorrection(
			'dashbord',
			{ search, needsCorrection: async (word) => word !== 'dashbord' },
			partial,
		);
		expect(outcome).toEqual({ query: 'dashbord', response: { results: [] } });
	});

	it('corrects a word the index confirms it lacks', async () => {
		const outcome = await searchWithCorrection(
			'webhok',
			{ search, needsCorrection: async () => true },
			speller,
		);
		expect(outcome.query).toBe('webhook');
	});

	it('asks the speller only about the words the index lacks, and never about short ones', async () => {
		const asked: string[] = [];
		const lazy = {
			async correctWord(word: string) {
				asked.push(word);
				return speller.correctWord(word);
			},
		};
		const held = new Set(['retries', 'back', 'webhook']);
		const index = { search, needsCorrection: async (word: string) => !held.has(word) };
		const outcome = await searchWithCorrection('Webhok retries back', index, lazy);
		expect(asked).toEqual(['webhok']);
		expect(outcome).toMatchObject({ query: 'webhook retries back', typed: 'Webhok retries back' });
		await searchWithCorrection('an ox', index, lazy);
		expect(asked).toEqual(['webhok']);
	});

	it('asks nothing at all when the index holds every word', async () => {
		const lazy = {
			correctWord: async () => {
				throw new Error('the vocabulary must not be fetched');
			},
		};
		const outcome = await searchWithCorrection('webhook retries', { search, needsCorrection: async () => false }, lazy);
		expect(outcome).toEqual({ query: 'webhook retries', response: { results: ['webhook retries back off exponentially'] } });
	});
});

describe('isRealMatch', () => {
	it('accepts the word itself, longer words it starts and forms sharing a stem', () => {
		expect(isRealMatch('Webhook,', 'webhook')).toBe(true);
		expect(isRealMatch('webhooks', 'webho')).toBe(true);
		expect(isRealMatch('moderation', 'moderated')).toBe(true);
		expect(isRealMatch("'X-Caro-Event-Id',", 'x-caro-event-id')).toBe(true);
	});

	it("rejects Pagefind's fallback to a short indexed start of the typed word", () => {
		expect(isRealMatch('web', 'webhok')).toBe(false);
		expect(isRealMatch('t', 'telemtry')).toBe(false);
		expect(isRealMatch('-X', 'xqzv')).toBe(false);
	});
});
