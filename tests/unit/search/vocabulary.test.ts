import { describe, expect, it } from 'vitest';
import { SHARDS } from '../../../src/lib/search/spell.ts';
import { buildVocabulary, dataText, mdxText, splitVocabulary } from '../../../src/lib/search/vocabulary.ts';

describe('buildVocabulary', () => {
	it('counts lower-cased words of three letters or more, most frequent first', () => {
		expect(buildVocabulary(['Retry the webhook.', 'Webhook retries: retry, RETRY! a to'])).toEqual({
			words: ['retry', 'webhook', 'retries', 'the'],
			counts: [3, 2, 1, 1],
		});
	});

	it('splits on digits and punctuation and skips overlong tokens', () => {
		const long = 'x'.repeat(25);
		expect(buildVocabulary([`KB-0042 v1.1.0-beta caro's ${long} api_key`]).words).toEqual([
			'api',
			'beta',
			'caro',
			'key',
		]);
	});
});

describe('splitVocabulary', () => {
	it('files every word under its first letter, most frequent first, with every shard present', () => {
		const shards = splitVocabulary(buildVocabulary(['webhook webhook wait', 'agent école']));
		expect(Object.keys(shards)).toEqual(SHARDS);
		expect(shards.w).toEqual({ words: ['webhook', 'wait'], counts: [2, 1] });
		expect(shards.a).toEqual({ words: ['agent'], counts: [1] });
		expect(shards.other).toEqual({ words: ['école'], counts: [1] });
		expect(shards.z).toEqual({ words: [], counts: [] });
	});
});

describe('mdxText', () => {
	it('drops ESM lines, tags, comments, URLs and link targets but keeps their text', () => {
		const body = [
			"import Callout from '../../src/components/mdx/Callout.astro';",
			'',
			'<Callout type="warning">Rotate the **signing secret** first.</Callout>',
			'{/* writers note */}',
			'<!-- hidden -->',
			'See [webhook retries](/kb/KB-0031/) or https://status.caro.example/incidents.',
			'```bash',
			'caro webhooks replay --since 1h',
			'```',
		].join('\n');
		const words = buildVocabulary([mdxText(body)]).words.sort();
		expect(words).toEqual(
			[
				'caro',
				'first',
				'replay',
				'retries',
				'rotate',
				'secret',
				'see',
				'signing',
				'since',
				'the',
				'webhook',
				'webhooks',
			].sort(),
		);
	});
});

describe('dataText', () => {
	it('collects the string values of nested data, not its keys or numbers', () => {
		const policy = {
			kind: 'tiers',
			tiers: [{ name: 'Community support', response: { P0: 'Within 1 hour' }, order: 3 }],
		};
		expect(dataText(policy).split('\n')).toEqual(['tiers', 'Community support', 'Within 1 hour']);
	});
});
