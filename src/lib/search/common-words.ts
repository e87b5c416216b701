/**
 * Words too common to be worth their bytes. Pagefind loads the index chunk of every word it
 * searches, and a word on a large share of a big site's pages has a posting list of many
 * kilobytes ("work" on 1,807 of 5,031 pages: 8.5 KB compressed, "messag" 24 KB), while its
 * rarity weight (BM25's IDF, src/lib/search/rank.ts) is small: on a fifth of the pages it is
 * 1.6, against 5 to 8 for the words that say what a question is about. So when a query has rarer
 * terms, its common ones are left out (and listed with the ignored words), and fetched only when
 * the query has nothing else.
 *
 * The build lists them (common-words-fs.ts, run by scripts/after-pagefind.ts): the words of the
 * pages' text whose index word (Pagefind's stem of it: "installs" and "installation" are indexed
 * as "instal", and Pagefind itself is asked for each word's stem) is on at least
 * {@link COMMON_SHARE} of the pages and whose posting list is at least the smallest index chunk
 * (`minUnits`: a shorter list costs less than the chunk any word loads), so a small site, whose lists are all small, lists none. The search
 * engine reads the list (src/scripts/search-index.ts) and {@link skipCommon} decides per query.
 */
import type { IndexWord } from './index-chunks.ts';
import { STOP_WORDS, type QueryTerm } from './query.ts';

/**
 * Share of the pages from which a word counts as common: its IDF is then at most
 * ln(1 + 4.5 / 1.5 …) ≈ 1.6, a fifth to a quarter of a topical word's.
 */
export const COMMON_SHARE = 0.2;

/** What the build writes, per language: the page count and the common words, sorted. */
export interface CommonWords {
	pages: number;
	words: string[];
}

/** One word of the index as {@link commonIndexWords} reads it. */
export interface IndexEntry {
	units: number;
	/** How many pages hold it. */
	pages: number;
}

/**
 * The index words (stems) that are common on a site of `pageCount` pages: on {@link COMMON_SHARE}
 * of them or more, with a posting list of at least `minUnits` of Pagefind's units (a page holding
 * the word, or one location of it).
 */
export function commonIndexWords(index: Iterable<[word: string, entry: IndexEntry]>, pageCount: number, minUnits: number): Set<string> {
	const common = new Set<string>();
	for (const [word, { units, pages }] of index) {
		if (units >= minUnits && pages >= COMMON_SHARE * pageCount) common.add(word);
	}
	return common;
}

/** A plain word as a query splits it (letters and digits only). */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * The words of the pages' text a query could search on their own: plain words (a query splits
 * "sign-in" or "4.0" the same way, but Pagefind indexes their parts too), not fillers (never
 * searched beside content words), each once, in order of first use.
 */
export function searchableWords(pageWords: Iterable<Iterable<string>>): string[] {
	const seen = new Set<string>();
	for (const words of pageWords) {
		for (const word of words) if (!seen.has(word) && PLAIN_WORD.test(word) && !STOP_WORDS.has(word)) seen.add(word);
	}
	return [...seen];
}

/**
 * A word's positions on a page from its locations as Pagefind writes them: each position as the
 * step from the one before, with weight markers (negative numbers) between.
 */
export function wordPositions(locations: readonly number[]): number[] {
	const positions: number[] = [];
	let at = 0;
	for (const step of locations) {
		if (step < 0) continue;
		at += step;
		positions.push(at);
	}
	return positions;
}

/**
 * Each word's stem, from the index Pagefind made of one page whose text is `words` joined by
 * spaces: the index word found at a word's position is its stem. A word found under no index
 * word, or under two, gets none (it is then searched as usual). Null when the positions cannot be
 * this page's (past its end, or most words without a stem): an index laid out otherwise than this
 * code knows.
 */
export function stemsFromIndex(words: readonly string[], index: readonly IndexWord[]): Map<string, string> | null {
	const stems: (string | null | undefined)[] = new Array(words.length);
	for (const [stem, pages] of index) {
		for (const [, locations] of pages) {
			for (const at of wordPositions(locations)) {
				if (at >= words.length) return null;
				stems[at] = stems[at] === undefined ? stem : null;
			}
		}
	}
	const map = new Map<string, string>();
	words.forEach((word, i) => {
		const stem = stems[i];
		if (stem) map.set(word, stem);
	});
	return map.size >= 0.9 * words.length ? map : null;
}

/** The text words whose stem (`stemOf`, as Pagefind stems them) is a common index word; sorted. */
export function commonTextWords(words: Iterable<string>, stemOf: ReadonlyMap<string, string>, common: ReadonlySet<string>): string[] {
	const found: string[] = [];
	for (const word of words) {
		const stem = stemOf.get(word);
		if (stem !== undefined && common.has(stem)) found.push(word);
	}
	return found.sort();
}

/**
 * The terms to search and the common ones left out: a term is left out when every word that may
 * stand for it (its synonyms too) is common, and only while some term is not.
 */
export function skipCommon(terms: readonly QueryTerm[], common: ReadonlySet<string>): { searched: QueryTerm[]; skipped: QueryTerm[] } {
	const isCommon = (term: QueryTerm) => term.alternatives.every((word) => common.has(word));
	const searched = terms.filter((term) => !isCommon(term));
	if (searched.length === 0) return { searched: [...terms], skipped: [] };
	return { searched, skipped: terms.filter(isCommon) };
}
