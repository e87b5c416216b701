import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KB_ID, formatId } from '../../../src/lib/permalinks.ts';
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
		['KB-12345', 'KB-12345'],
		['kb12345', 'KB-12345'],
		['kb-10000', 'KB-10000'],
		['KB-000042', 'KB-0042'],
	])('reads %s as %s', (query, id) => {
		expect(entryIdOf(query)).toEqual({ id });
	});

	it.each(['kb', 'kb-0', 'rb-1234', 'tpl 1000', 'kb-26 webhooks', 'KB-00026x', 'abc-12', `kb-${'9'.repeat(20)}`])(
		'does not read %s as an ID',
		(query) => {
			expect(entryIdOf(query)).toBeNull();
		},
	);

	it('reads any KB number as the ID the site writes for it', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom('kb-', 'KB', 'kb ', 'Kb_'), fc.nat(3), (n, prefix, zeros) => {
				const id = entryIdOf(`${prefix}${'0'.repeat(zeros)}${n}`)?.id;
				expect(id).toBe(formatId('kb', n));
				expect(KB_ID.test(id!)).toBe(true);
			}),
		);
	});
});
