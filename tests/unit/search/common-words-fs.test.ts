import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMON_WORDS_FILE, writeCommonWords } from '../../../src/lib/search/common-words-fs.ts';
import { buildVocabulary, splitVocabulary } from '../../../src/lib/search/vocabulary.ts';

let dir: string;

/**
 * A built site of `pages` pages: Pagefind's index of them and the spelling vocabulary of their
 * text, as `astro build` and `pagefind --site` leave them.
 */
async function site(name: string, pages: string[]): Promise<string> {
	const root = join(dir, name);
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
	for (const [n, content] of pages.entries()) {
		await index.addCustomRecord({ url: `/p${n}/`, content, language: 'en', meta: { title: `Page ${n}` } });
	}
	const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
	if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
	await index.deleteIndex();
	mkdirSync(join(root, 'search-vocabulary'));
	for (const [shard, words] of Object.entries(splitVocabulary(buildVocabulary(pages)))) {
		writeFileSync(join(root, 'search-vocabulary', `${shard}.json`), JSON.stringify(words));
	}
	return root;
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tierzero-common-words-'));
});

afterAll(async () => {
	await pagefind.close();
	rmSync(dir, { recursive: true, force: true });
});

const listed = (root: string) => JSON.parse(readFileSync(join(root, 'pagefind', COMMON_WORDS_FILE), 'utf8')) as Record<string, { pages: number; words: string[] }>;

describe('writeCommonWords', () => {
	it('lists the forms of a word on most pages of a large index, as a query types them, and no rarer word', async () => {
		// 300 pages; "installs"/"installing"/"installation" (stem "instal") on every other page,
		// many times each, so its list is longer than the smallest chunk; "webhook" on a few.
		const pages = Array.from({ length: 300 }, (_, n) => {
			const common = n % 2 === 0 ? 'installs installing installation '.repeat(5) : 'setup ';
			const rare = n % 50 === 0 ? 'webhook retries ' : '';
			return `${common}${rare}page${n} words about agents`;
		});
		const root = await site('large', pages);
		const lines = await writeCommonWords(root);
		expect(lines).toEqual([expect.stringMatching(/^en: 3 words listed as common/)]);
		expect(listed(root)).toEqual({ en: { pages: 300, words: ['installation', 'installing', 'installs'] } });
	}, 60_000);

	it('keeps the stems in the cache folder: a rebuild stems only new words, and a damaged or stale cache is stemmed anew', async () => {
		const pages = Array.from({ length: 300 }, (_, n) => `${n % 2 === 0 ? 'installs installing installation '.repeat(5) : 'setup '}page${n} words`);
		const root = await site('kept-stems', pages);
		const cache = join(dir, 'kept-stems-cache');
		const stemsPath = join(cache, 'tierzero', 'stems.json');
		await writeCommonWords(root, { cacheDir: cache });
		const expected = { en: { pages: 300, words: ['installation', 'installing', 'installs'] } };
		expect(listed(root)).toEqual(expected);
		const kept = JSON.parse(readFileSync(stemsPath, 'utf8'));
		expect(kept.names).toMatchObject({ installs: 'instal', installing: 'instal', words: 'word' });
		// A wrong stem in the cache for a word of the sample is caught: every word is stemmed again.
		kept.names.installs = 'wrong';
		delete kept.names.words;
		writeFileSync(stemsPath, JSON.stringify(kept));
		await writeCommonWords(root, { cacheDir: cache });
		expect(listed(root)).toEqual(expected);
		expect(JSON.parse(readFileSync(stemsPath, 'utf8')).names.installs).toBe('instal');
		writeFileSync(stemsPath, '{ not json');
		await writeCommonWords(root, { cacheDir: cache });
		expect(listed(root)).toEqual(expected);
	}, 60_000);

	it('lists none on a small site, whose lists are all short', async () => {
		const root = await site('small', Array.from({ length: 40 }, (_, n) => `installs the agent on page ${n}`));
		await writeCommonWords(root);
		expect(listed(root)).toEqual({ en: { pages: 40, words: [] } });
	}, 60_000);

	it('lists none, and says so, for a site built without the spelling vocabulary, with the page count', async () => {
		const root = await site('no-vocabulary', Array.from({ length: 10 }, (_, n) => `page ${n}`));
		rmSync(join(root, 'search-vocabulary'), { recursive: true });
		expect(await writeCommonWords(root)).toEqual([expect.stringMatching(/search-vocabulary is missing: no common words listed/)]);
		// The page count is still there: the search UI's ranking reads it from this file.
		expect(listed(root)).toEqual({ en: { pages: 10, words: [] } });
	}, 60_000);

	it('lists none for a Pagefind version it does not know, and keeps the page count from the entry file', async () => {
		const root = await site('unknown-version', Array.from({ length: 12 }, (_, n) => `page ${n}`));
		const entryPath = join(root, 'pagefind', 'pagefind-entry.json');
		const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { version: string };
		writeFileSync(entryPath, JSON.stringify({ ...entry, version: '9.0.0' }));
		expect(await writeCommonWords(root)).toEqual([expect.stringMatching(/Pagefind 9\.0\.0 is not a version this code knows/)]);
		expect(listed(root)).toEqual({ en: { pages: 12, words: [] } });
	}, 60_000);

	it('stops with the file at fault when a shard of the vocabulary is missing', async () => {
		const root = await site('no-shard', Array.from({ length: 10 }, (_, n) => `page ${n}`));
		rmSync(join(root, 'search-vocabulary', 'q.json'));
		await expect(writeCommonWords(root)).rejects.toThrow(/q\.json is missing/);
	}, 60_000);
});
