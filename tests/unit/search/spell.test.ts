import { describe, expect, it } from 'vitest';
import {
	applyCorrections,
	createSpeller,
	editDistance,
	maxDistance,
} from '../../../src/lib/search/spell.ts';
import { buildVocabulary } from '../../../src/lib/search/vocabulary.ts';

// A vocabulary as the build would emit it for a few webhook and agent articles.
const vocabulary = buildVocabulary([
	'Webhook deliveries are retried: webhook retries back off exponentially.',
	'Webhook signature verification fails after rotating the webhook secret.',
	'Retry a failed delivery from the dashboard. Retries stop after 24 hours.',
	'Agents stop committing to git; consolidation fails with a merge conflict.',
	'Telemetry upload errors. Telemetry can be disabled. Templates for replies.',
	'Tempest in a teapot.',
]);
const speller = createSpeller(vocabulary);

describe('editDistance', () => {
	it('counts insertions, deletions, substitutions and adjacent transpositions as one edit', () => {
		expect(editDistance('webhok', 'webhook')).toBe(1);
		expect(editDistance('webhooks', 'webhook')).toBe(1);
		expect(editDistance('wobhook', 'webhook')).toBe(1);
		expect(editDistance('wehbook', 'webhook')).toBe(1);
		expect(editDistance('retires', 'retries')).toBe(1);
	});

	it('adds up independent edits and is symmetric', () => {
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('sitting', 'kitten')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('same', 'same')).toBe(0);
	});

	it('stops early and reports limit + 1 once the limit is exceeded', () => {
		expect(editDistance('telemetry', 'consolidation', 2)).toBe(3);
		expect(editDistance('abc', 'abcdef', 1)).toBe(2);
	});
});

describe('maxDistance', () => {
	it('allows one edit below seven letters and two from seven on', () => {
		expect(maxDistance('retrys')).toBe(1);
		expect(maxDistance('retriess')).toBe(2);
		expect(maxDistance('webhoks')).toBe(2);
	});
});

describe('createSpeller', () => {
	it('corrects a misspelt word and keeps the correctly spelt ones', () => {
		expect(speller.correct('webhok retries')).toBe('webhook retries');
	});

	it('corrects several words and keeps spacing and punctuation as typed', () => {
		expect(speller.correct('  webhok  retires, please')).toBe('  webhook  retries, please');
	});

	it('returns null when every word is known', () => {
		expect(speller.correct('webhook retries')).toBeNull();
		expect(speller.correct('Webhook RETRIES')).toBeNull();
	});

	it('leaves alone a word that starts an indexed word, since Pagefind finds it by prefix', () => {
		expect(speller.correct('webh consolid')).toBeNull();
	});

	it('leaves alone numbers, IDs, versions and words under three letters', () => {
		expect(speller.correct('KB-0042 1.1.0 429 gt')).toBeNull();
	});

	it('returns null when nothing is close enough', () => {
		expect(speller.correctWord('xylophone')).toBeNull();
		// "commiting" is one edit from "committing": corrected; "comitng" is too far from anything.
		expect(speller.correctWord('commiting')).toBe('committing');
		expect(speller.correctWord('comitng')).toBeNull();
	});

	it('allows two edits in words of seven letters or more, one in shorter words', () => {
		expect(speller.correctWord('telemtery')).toBe('telemetry');
		expect(speller.correctWord('wbhok')).toBeNull();
	});

	it('prefers the nearer word, then the more frequent one', () => {
		// "retrys" is one edit from "retry" and two from the more frequent "retries".
		expect(speller.correctWord('retrys')).toBe('retry');
		const near = createSpeller(buildVocabulary(['telemetry telemetry telemetry telemeter']));
		expect(near.correctWord('telemeterr')).toBe('telemeter');
	});

	it('breaks a tie between equally near words by frequency', () => {
		const tie = createSpeller(buildVocabulary(['cart cart cart card']));
		expect(tie.correctWord('carx')).toBe('cart');
		const other = createSpeller(buildVocabulary(['cart card card card']));
		expect(other.correctWord('carx')).toBe('card');
	});
});

describe('suggest and applyCorrections', () => {
	it('lists each misspelt word with its position, so a subset can be applied', () => {
		const query = 'Webhok retires now';
		const corrections = speller.suggest(query);
		expect(corrections).toEqual([
			{ start: 0, typed: 'Webhok', fix: 'webhook' },
			{ start: 7, typed: 'retires', fix: 'retries' },
		]);
		expect(applyCorrections(query, corrections)).toBe('webhook retries now');
		expect(applyCorrections(query, corrections.slice(1))).toBe('Webhok retries now');
		expect(applyCorrections(query, [])).toBe(query);
	});
});

describe('knows', () => {
	it('knows vocabulary words and their starts, not nonsense or typos', () => {
		const known = createSpeller(buildVocabulary(['webhook retries fail']));
		expect(known.knows('webhook')).toBe(true);
		expect(known.knows('webh')).toBe(true);
		expect(known.knows('webhok')).toBe(false);
		expect(known.knows('xyzzy')).toBe(false);
	});
});
