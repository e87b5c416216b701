/**
 * Spelling correction for search queries. Pagefind matches prefixes but tolerates no typos, so a
 * query word that no indexed word starts with is replaced by the closest vocabulary word.
 *
 * Pure and dependency-free: it runs in the browser against the vocabulary the build emits
 * (`/search-vocabulary.json`, see {@link Vocabulary}) and in unit tests against fixtures.
 */

/**
 * The words of the indexed pages with how often each occurs, as the build writes it: `words`
 * sorted by descending frequency, `counts[i]` the frequency of `words[i]`.
 */
export interface Vocabulary {
	words: string[];
	counts: number[];
}

/** One misspelt word of a query: where it is, as typed, and what to replace it with. */
export interface Correction {
	/** Offset of the word in the query. */
	start: number;
	/** The word as typed. */
	typed: string;
	/** The vocabulary word that replaces it (lower case). */
	fix: string;
}

/** A speller built once from a {@link Vocabulary}; each call is cheap per query. */
export interface Speller {
	/** The corrections for a query's unknown words, in query order; empty when none is needed. */
	suggest(query: string): Correction[];
	/**
	 * The query with every unknown word replaced by its correction, or `null` when no word needed
	 * (or found) a correction. Spacing, punctuation and words it leaves alone are kept as typed.
	 */
	correct(query: string): string | null;
	/** The correction of one lower-case word, or `null` when it is known or nothing is close. */
	correctWord(word: string): string | null;
	/** Whether a lower-case word is a vocabulary word or the start of one. */
	knows(word: string): boolean;
}

/**
 * The query with the given corrections (from {@link Speller.suggest} on the same query, any
 * subset) applied; everything else is kept as typed.
 */
export function applyCorrections(query: string, corrections: readonly Correction[]): string {
	let out = '';
	let at = 0;
	for (const c of [...corrections].sort((a, b) => a.start - b.start)) {
		out += query.slice(at, c.start) + c.fix;
		at = c.start + c.typed.length;
	}
	return out + query.slice(at);
}

/** Query words this short are left alone: the vocabulary holds nothing shorter either. */
const MIN_LENGTH = 3;

/**
 * The edit distance allowed for a word: one edit, two for words of seven letters or more, where
 * two slips are common and two edits rarely turn one real word into another.
 */
export function maxDistance(word: string): number {
	return word.length >= 7 ? 2 : 1;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions
 * and transpositions of adjacent letters), or `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	// Three rolling rows: the transposition step looks two rows back.
	let older: number[] = [];
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d = Math.min(d, older[j - 2]! + 1);
			}
			row.push(d);
			if (d < rowMin) rowMin = d;
		}
		if (rowMin > limit) return limit + 1;
		older = prev;
		prev = row;
	}
	return prev[b.length]!;
}

/**
 * What counts as a word, here and in the vocabulary: a run of letters (any script), so `1.1.0`,
 * `KB-0042` or `429` are never "corrected". Global: use with `matchAll` or `replace`.
 */
export const WORD = /\p{L}+/gu;

/**
 * Builds a {@link Speller}. A query word is left alone when it is a vocabulary word or the start
 * of one (Pagefind finds it by prefix); otherwise the nearest vocabulary word within
 * {@link maxDistance} wins, the more frequent one on a tie, then the alphabetically first.
 */
export function createSpeller(vocabulary: Vocabulary): Speller {
	const frequency = new Map<string, number>();
	vocabulary.words.forEach((w, i) => frequency.set(w, vocabulary.counts[i] ?? 0));
	const sorted = [...frequency.keys()].sort();

	const isPrefix = (word: string): boolean => {
		// Binary search for the first word >= `word`; it starts with `word` if any word does.
		let lo = 0;
		let hi = sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (sorted[mid]! < word) lo = mid + 1;
			else hi = mid;
		}
		return lo < sorted.length && sorted[lo]!.startsWith(word);
	};

	const correctWord = (word: string): string | null => {
		if (word.length < MIN_LENGTH || frequency.has(word) || isPrefix(word)) return null;
		const limit = maxDistance(word);
		let best: { word: string; distance: number; count: number } | null = null;
		for (const [candidate, count] of frequency) {
			const distance = editDistance(word, candidate, limit);
			if (distance > limit) continue;
			if (
				!best ||
				distance < best.distance ||
				(distance === best.distance &&
					(count > best.count || (count === best.count && candidate < best.word)))
			) {
				best = { word: candidate, distance, count };
			}
		}
		return best?.word ?? null;
	};

	const suggest = (query: string): Correction[] => {
		const corrections: Correction[] = [];
		for (const match of query.matchAll(WORD)) {
			const fix = correctWord(match[0].toLowerCase());
			if (fix) corrections.push({ start: match.index, typed: match[0], fix });
		}
		return corrections;
	};

	return {
		knows: (word: string) => frequency.has(word) || isPrefix(word),
		correctWord,
		suggest,
		correct(query) {
			const corrections = suggest(query);
			return corrections.length > 0 ? applyCorrections(query, corrections) : null;
		},
	};
}
