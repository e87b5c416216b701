import { describe, expect, it } from 'vitest';
import { entryIdOf, parseQuery, queryWords } from '../../../src/lib/search/query.ts';

const SYNONYMS = [
	['stuck', 'stalls', 'not responding'],
	['mac', 'macos'],
];

describe('parseQuery', () => {
	it('leaves out question words, pronouns and fillers, and says which', () => {
		expect(parseQuery('Why is my API key not working?')).toEqual({
			terms: [
				{ text: 'api', alternatives: ['api'] },
				{ text: 'key', alternatives: ['key'] },
				{ text: 'working', alternatives: ['working'] },
			],
			ignored: ['why', 'is', 'my', 'not'],
		});
	});

	it('gives each term its synonyms, matching a phrase before its words', () => {
		const { terms, ignored } = parseQuery('agent not responding on my Mac', SYNONYMS);
		expect(terms).toEqual([
			{ text: 'agent', alternatives: ['agent'] },
			{ text: 'not responding', alternatives: ['not responding', 'stuck', 'stalls'] },
			{ text: 'mac', alternatives: ['mac', 'macos'] },
		]);
		expect(ignored).toEqual(['on', 'my']);
	});

	it('keeps the words of a query made only of fillers, rather than search nothing', () => {
		expect(parseQuery('how do I').terms.map((t) => t.text)).toEqual(['how', 'do', 'i']);
		expect(parseQuery('how do I').ignored).toEqual([]);
	});

	it('keeps versions, error codes and dotted names whole, and repeats once', () => {
		expect(queryWords('GLIBC_2.34 not found in 1.1.0-beta, .git 429 429')).toEqual([
			'glibc_2.34',
			'not',
			'found',
			'in',
			'1.1.0-beta',
			'git',
			'429',
			'429',
		]);
		expect(parseQuery('429 429').terms).toHaveLength(1);
	});
});

describe('entryIdOf', () => {
	it.each([
		['kb-26', 'KB-0026'],
		['KB0026', 'KB-0026'],
		['KB-0026', 'KB-0026'],
		[' kb 26 ', 'KB-0026'],
		['rb-4', 'RB-004'],
		['TPL016', 'TPL-016'],
	])('reads %s as %s', (query, id) => {
		expect(entryIdOf(query)).toEqual({ id });
	});

	it.each(['kb', 'kb-0', 'rb-1234', 'kb-26 webhooks', 'KB-00026x', 'abc-12'])(
		'does not read %s as an ID',
		(query) => {
			expect(entryIdOf(query)).toBeNull();
		},
	);
});
