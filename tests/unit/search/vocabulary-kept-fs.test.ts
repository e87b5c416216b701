import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptVocabulary, textKey, vocabularyCodeFingerprint, type VocabularyText } from '../../../src/lib/search/vocabulary-kept-fs.ts';
import { buildVocabulary } from '../../../src/lib/search/vocabulary.ts';

let dir = '';
let file = '';
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'tz-vocabulary-'));
	file = join(dir, 'tierzero', 'search-vocabulary.bin');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const asTexts = (bodies: readonly string[]): VocabularyText[] => bodies.map((body) => ({ parts: [body], text: () => body }));
const kept = (bodies: readonly string[], code: string | null = 'code-1') => keptVocabulary(file, code, asTexts(bodies));

describe('keptVocabulary', () => {
	it('counts every text the first time, then only the texts that changed', () => {
		const bodies = ['Webhook retries back off.', 'Rotate the webhook secret.', 'Export tickets as CSV.'];
		expect(kept(bodies).counted).toBe(3);
		const again = kept(bodies);
		expect(again.counted).toBe(0);
		expect(again.vocabulary).toEqual(buildVocabulary(bodies));
		const edited = ['Webhook retries back off twice.', bodies[1]!, bodies[2]!];
		const after = kept(edited);
		expect(after.counted).toBe(1);
		expect(after.vocabulary).toEqual(buildVocabulary(edited));
	});

	it('gives what a count from scratch gives, over any run of builds with texts added, edited, removed and repeated', async () => {
		const word = fc.constantFrom('webhook', 'retry', 'secret', 'export', 'tickets', 'rotate', 'Café', 'ab', 'x', '42');
		const body = fc.array(word, { maxLength: 8 }).map((w) => w.join(' '));
		await fc.assert(
			fc.property(fc.array(fc.array(body, { maxLength: 6 }), { minLength: 1, maxLength: 5 }), (builds) => {
				rmSync(file, { force: true });
				for (const bodies of builds) expect(kept(bodies).vocabulary).toEqual(buildVocabulary(bodies));
			}),
			{ numRuns: 150 },
		);
	});

	it('counts everything again after a change of code, or when the kept file is damaged or does not add up', () => {
		const bodies = ['Webhook retries back off.', 'Rotate the webhook secret.'];
		kept(bodies);
		expect(kept(bodies, 'code-2').counted).toBe(2);
		writeFileSync(file, 'not a cache');
		expect(kept(bodies, 'code-2').counted).toBe(2);
		// Totals that a removed text's counts would take below zero.
		const texts = new Map([[textKey(['gone gone']), { n: 1, words: 'gone 2' }]]);
		writeFileSync(file, serialize({ code: 'code-2', texts, totals: new Map([['gone', 1]]) }));
		const recounted = kept(bodies, 'code-2');
		expect(recounted.counted).toBe(2);
		expect(recounted.vocabulary).toEqual(buildVocabulary(bodies));
		// A kept text without its counts: the kept file is not used, and every text is counted again.
		const noWords = new Map([[textKey([bodies[0]!]), { n: 1 }]]);
		writeFileSync(file, serialize({ code: 'code-2', texts: noWords, totals: new Map() }));
		const refilled = kept(bodies, 'code-2');
		expect(refilled.counted).toBe(2);
		expect(refilled.vocabulary).toEqual(buildVocabulary(bodies));
	});

	it('keeps nothing without a known code', () => {
		expect(kept(['Webhook retries.'], null).counted).toBe(1);
		expect(kept(['Webhook retries.'], null).counted).toBe(1);
	});
});

describe('textKey', () => {
	it('tells apart texts whose parts split differently', () => {
		expect(textKey(['ab', 'c'])).not.toBe(textKey(['a', 'bc']));
		expect(textKey(['a', ''])).not.toBe(textKey(['a']));
	});
});

describe('vocabularyCodeFingerprint', () => {
	it('hashes the search code of a project, and gives null where there is none', () => {
		expect(vocabularyCodeFingerprint(process.cwd())).toMatch(/^[\w-]{43}$/);
		expect(vocabularyCodeFingerprint(dir)).toBeNull();
	});
});
