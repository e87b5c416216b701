import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSynonyms } from '../../../src/lib/search/synonyms-fs.ts';

function contentWith(yaml: string | null): string {
	const root = mkdtempSync(join(tmpdir(), 'tz-synonyms-'));
	if (yaml !== null) {
		mkdirSync(join(root, 'search'));
		writeFileSync(join(root, 'search', 'synonyms.yaml'), yaml);
	}
	return root;
}

describe('readSynonyms', () => {
	it('reads the groups', () => {
		const root = contentWith('groups:\n  - [bill, charges]\n  - [stuck, not responding]\n');
		expect(readSynonyms(root, root)).toEqual({
			groups: [
				['bill', 'charges'],
				['stuck', 'not responding'],
			],
			problems: [],
		});
	});

	it('has none, and no problem, without a synonyms file', () => {
		expect(readSynonyms(contentWith(null))).toEqual({ groups: [], problems: [] });
	});

	it('says which word is wrong and why', () => {
		const root = contentWith('groups:\n  - [bill, Charges]\n  - [cap]\n  - [stuck, hangs]\n');
		expect(readSynonyms(root, root).problems).toEqual([
			{
				file: join('search', 'synonyms.yaml'),
				field: 'groups.0.1',
				message:
					'"Charges" must be lower-case words separated by single spaces or dashes, e.g. "not responding"',
				find: 'Charges',
			},
			{
				file: join('search', 'synonyms.yaml'),
				field: 'groups.1',
				message: 'each group must list at least two words or phrases',
			},
		]);
		const dup = contentWith('groups:\n  - [bill, charges]\n  - [stuck, bill]\n');
		expect(readSynonyms(dup, dup).problems).toEqual([
			{
				file: join('search', 'synonyms.yaml'),
				field: 'groups.1.1',
				message: '"bill" is already in group 1; a word may be in one group only, so merge the groups',
				find: 'bill',
			},
		]);
	});

	it('reports YAML it cannot read with its line', () => {
		const root = contentWith('groups:\n  - [bill, charges\n');
		const [problem] = readSynonyms(root, root).problems;
		expect(problem).toMatchObject({ file: join('search', 'synonyms.yaml'), field: '(file)' });
		expect(problem!.message).toMatch(/^is not valid YAML: /);
	});
});
