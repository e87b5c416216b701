import { describe, expect, it } from 'vitest';
import {
	applyCorrections,
	createSpeller,
	editDistance,
	maxDistance,
	shardedSpeller,
	shardOf,
	shardsFor,
	SHARDS,
} from '../../../src/lib/search/spell.ts';
import { buildVocabulary, splitVocabulary } from '../../../src/lib/search/vocabulary.ts';

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
	it('corrects a misspelt word and leaves known words alone', () => {
		expect(speller.correctWord('webhok')).toBe('webhook');
		expect(speller.correctWord('retires')).toBe('retries');
		expect(speller.correctWord('webhook')).toBeNull();
		expect(speller.correctWord('retries')).toBeNull();
	});

	it('leaves alone a word that starts an indexed word, since Pagefind finds it by prefix', () => {
		expect(speller.correctWord('webh')).toBeNull();
		expect(speller.correctWord('consolid')).toBeNull();
	});

	it('leaves alone words under three letters', () => {
		expect(speller.correctWord('gt')).toBeNull();
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

describe('applyCorrections', () => {
	it('applies any subset of corrections and keeps spacing and punctuation as typed', () => {
		const query = '  Webhok  retires, now';
		const corrections = [
			{ start: 2, typed: 'Webhok', fix: 'webhook' },
			{ start: 10, typed: 'retires', fix: 'retries' },
		];
		expect(applyCorrections(query, corrections)).toBe('  webhook  retries, now');
		expect(applyCorrections(query, corrections.slice(1))).toBe('  Webhok  retries, now');
		expect(applyCorrections(query, [])).toBe(query);
	});
});

describe('shardOf and shardsFor', () => {
	it('files a word under its first letter, or "other" for any letter outside a–z', () => {
		expect(shardOf('webhook')).toBe('w');
		expect(shardOf('école')).toBe('other');
		expect(shardOf('über')).toBe('other');
		expect(SHARDS).toHaveLength(27);
		expect(SHARDS).toContain('other');
	});

	it("reads the word's first and second letters' shards, once each", () => {
		expect(shardsFor('ewbhook')).toEqual(['e', 'w']);
		expect(shardsFor('aardvark')).toEqual(['a']);
		expect(shardsFor('tél')).toEqual(['t', 'other']);
	});
});

describe('shardedSpeller', () => {
	const shards = splitVocabulary(vocabulary);
	function lazy(fail = new Set<string>()) {
		const fetched: string[] = [];
		const speller = shardedSpeller(async (key) => {
			fetched.push(key);
			if (fail.has(key)) throw new Error(`no shard ${key}`);
			return shards[key]!;
		});
		return { speller, fetched };
	}

	it('corrects as the whole vocabulary does, fetching only the shards the word needs', async () => {
		const { speller: sharded, fetched } = lazy();
		expect(await sharded.correctWord('webhok')).toBe('webhook');
		expect(fetched).toEqual(['w', 'e']);
		expect(await sharded.correctWord('retires')).toBe(speller.correctWord('retires'));
		expect(await sharded.correctWord('wehbook')).toBe('webhook');
		// Shards are fetched once per page.
		expect(fetched).toEqual(['w', 'e', 'r']);
	});

	it('corrects two swapped first letters from the second letter\'s shard', async () => {
		expect(await lazy().speller.correctWord('ewbhook')).toBe('webhook');
	});

	it('leaves a slip in the first letter and short words alone', async () => {
		const { speller: sharded, fetched } = lazy();
		expect(await sharded.correctWord('vebhook')).toBeNull();
		expect(await sharded.correctWord('ab')).toBeNull();
		expect(fetched).toEqual(['v', 'e']);
	});

	it('leaves the word uncorrected when a shard fails, and fetches it again for the next word', async () => {
		const fail = new Set(['w']);
		const { speller: sharded, fetched } = lazy(fail);
		expect(await sharded.correctWord('webhok')).toBeNull();
		fail.clear();
		expect(await sharded.correctWord('webhok')).toBe('webhook');
		expect(fetched.filter((k) => k === 'w')).toHaveLength(2);
	});
});
