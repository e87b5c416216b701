/**
 * The file side of common-words.ts: after the index re-cut (scripts/after-pagefind.ts), reads
 * each language's index words and the site's spelling vocabulary, has Pagefind stem the words,
 * and writes `pagefind/common-words.json` ({ [language]: { pages, words } }), which the
 * search UI loads with Pagefind: the page count its ranking weighs words by, and the words.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { InputError } from '../cli-errors.ts';
import {
	COMMON_SHARE,
	commonIndexWords,
	commonTextWords,
	searchableWords,
	stemsFromIndex,
	type CommonWords,
	type IndexEntry,
} from './common-words.ts';
import { encodedWords, KNOWN_VERSIONS, MIN_CHUNK_UNITS, parseChunk, parseMetadata, type EncodedWord } from './index-chunks.ts';
import { readKeptNames, writeKeptNames } from './kept-names-fs.ts';
import { pageEntries } from './fragment-text-fs.ts';
import { readPagefindSite } from './pagefind-site.ts';
import { SHARDS, type Vocabulary } from './spell.ts';

/** The file the search UI reads, in the Pagefind folder. */
export const COMMON_WORDS_FILE = 'common-words.json';

/**
 * Each word's stem as Pagefind stems it for `language`: Pagefind indexes one page of the words
 * (its Node API, the same indexer as the build's), and each word's position tells its stem.
 */
async function pagefindStems(words: readonly string[], language: string): Promise<Map<string, string>> {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
	if (!index) throw new Error(`Pagefind could not index the words to stem: ${errors.join('; ')}`);
	try {
		await index.addCustomRecord({ url: '/', content: words.join(' '), language });
		const written = await index.getFiles();
		if (!written.files) throw new Error(`Pagefind could not index the words to stem: ${written.errors.join('; ')}`);
		const indexWords = written.files
			.filter((file) => /(^|\/)index\/[^/]+\.pf_index$/.test(file.path))
			.flatMap((file) => parseChunk(file.content, file.path));
		const stems = stemsFromIndex(words, indexWords);
		if (!stems) throw new Error('Pagefind indexed the words to stem in a layout this code does not know');
		return stems;
	} finally {
		await index.deleteIndex();
	}
}

/**
 * {@link pagefindStems}, kept in the build's cache folder (`stems.json`, by Pagefind version and
 * language): a rebuild has Pagefind stem only the words no build stemmed before, with a sample
 * of known ones that must come out as they did (else every word is stemmed again).
 */
async function keptStems(words: readonly string[], language: string, version: string, cacheDir: string | undefined): Promise<Map<string, string>> {
	if (cacheDir === undefined) return pagefindStems(words, language);
	const path = join(cacheDir, 'tierzero', 'stems.json');
	const format = `1 pagefind ${version} ${language}`;
	const kept = readKeptNames(path, format, (v): v is string => typeof v === 'string');
	const missing = words.filter((word) => !kept.has(word));
	let stems: Map<string, string> | undefined;
	if (missing.length === 0) stems = kept;
	else if (kept.size > 0 && missing.length < words.length / 2) {
		const sample = words.filter((word) => kept.has(word)).slice(0, 50);
		const fresh = await pagefindStems([...missing, ...sample], language).catch(() => undefined);
		if (fresh && sample.every((word) => fresh.get(word) === kept.get(word))) stems = new Map([...kept, ...fresh]);
	}
	stems ??= await pagefindStems(words, language);
	const current = new Map<string, string>();
	for (const word of words) {
		const stem = stems.get(word);
		if (stem !== undefined) current.set(word, stem);
	}
	writeKeptNames(path, format, current);
	return current;
}

/**
 * Writes DIR/pagefind/common-words.json ({ [language]: { pages, words } }); returns what it did,
 * a line per language. `index` gives a language's words as the index re-cut just read them
 * (else its chunks are read); with `cacheDir`, stems are kept for the next build.
 */
export async function writeCommonWords(
	siteDir: string,
	options: { index?: ReadonlyMap<string, readonly EncodedWord[]>; cacheDir?: string } = {},
): Promise<string[]> {
	const { dir, entryPath, entry } = readPagefindSite(siteDir);
	const out = join(dir, COMMON_WORDS_FILE);
	// Without words, each language's page count from the entry: the UI reads it from this file only.
	const noWords = () => JSON.stringify(Object.fromEntries(Object.entries(entry.languages).map(([language, info]) => [language, { pages: Number(info.page_count) || 0, words: [] }])));
	if (!KNOWN_VERSIONS.test(entry.version)) {
		writeFileSync(out, noWords());
		return [`Pagefind ${entry.version} is not a version this code knows (${KNOWN_VERSIONS.source}): no common words listed, every query word is searched`];
	}
	// The words of the pages, as the build's spelling vocabulary lists them (every word of the
	// indexed pages; src/pages/search-vocabulary/[shard].json.ts): reading them is far quicker
	// than reading every page's text again.
	const vocabularyDir = join(siteDir, 'search-vocabulary');
	if (!existsSync(vocabularyDir)) {
		// A site built without the vocabulary still searches, only every word of a query.
		writeFileSync(out, noWords());
		return [`${vocabularyDir} is missing: no common words listed, every query word is searched`];
	}
	const text = searchableWords(
		SHARDS.map((shard) => {
			const path = join(vocabularyDir, `${shard}.json`);
			if (!existsSync(path)) throw new InputError(`${path} is missing, though the other shards of the spelling vocabulary are there`);
			const { words } = JSON.parse(readFileSync(path, 'utf8')) as Vocabulary;
			if (!Array.isArray(words)) throw new InputError(`${path}: not a vocabulary shard ({ words: [], counts: [] })`);
			return words;
		}),
	);
	const result: Record<string, CommonWords> = {};
	const lines: string[] = [];
	try {
		for (const [language, info] of Object.entries(entry.languages)) {
			const metaPath = join(dir, `pagefind.${info.hash}.pf_meta`);
			if (!existsSync(metaPath)) throw new InputError(`${metaPath} is missing, though ${entryPath} names it`);
			const meta = parseMetadata(readFileSync(metaPath), metaPath);
			const pages = pageEntries(meta.body, metaPath);
			const indexWords =
				options.index?.get(language) ??
				meta.ranges.flatMap(([, , hash]) => {
					const chunkPath = join(dir, 'index', `${hash}.pf_index`);
					return encodedWords(readFileSync(chunkPath), chunkPath);
				});
			const index = indexWords.map((word): [string, IndexEntry] => [word.word, { units: word.units, pages: word.pages }]);
			const common = commonIndexWords(index, pages.length, MIN_CHUNK_UNITS);
			const words = common.size > 0 ? commonTextWords(text, await keptStems(text, language, entry.version, options.cacheDir), common) : [];
			result[language] = { pages: pages.length, words };
			lines.push(
				`${language}: ${words.length} words listed as common (their stem on ${Math.round(100 * COMMON_SHARE)} % of the pages or more): left out of queries that have rarer ones`,
			);
		}
	} finally {
		await pagefind.close();
	}
	writeFileSync(out, JSON.stringify(result));
	return lines;
}
