/**
 * Spelling correction for search queries. Pagefind matches prefixes but tolerates no typos, so a
 * query word that no indexed word starts with is replaced by the closest vocabulary word.
 *
 * Pure and dependency-free: it runs in the browser against the vocabulary the build emits
 * (`/search-vocabulary/<shard>.json`, see {@link Vocabulary} and {@link SHARDS}), fetched only
 * for a word the index lacks, and in unit tests against fixtures.
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

/** A speller built once from a {@link Vocabulary}; each call is cheap. */
export interface Speller {
	/** The correction of one lower-case word, or `null` when it is known or nothing is close. */
	correctWord(word: string): string | null;
}

/**
 * The query with the given corrections (any subset of those found for it) applied; everything
 * else is kept as typed.
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
export const MIN_LENGTH = 3;

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
 * Builds a {@link Speller}. A word is left alone when it is a vocabulary word or the start
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

	return { correctWord };
}

/**
 * The vocabulary is split by first letter, so correcting a word fetches a small part of it: one
 * shard per letter a–z and `other` for words starting with any other letter. Fixed, so the build
 * and the link check know the files without reading the content.
 */
export const SHARDS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz', 'other'];

/** The shard holding a lower-case word. */
export function shardOf(word: string): string {
	const first = [...word][0] ?? '';
	return /^[a-z]$/.test(first) ? first : 'other';
}

/**
 * The shards a correction of a lower-case word reads: its first letter's, which holds every word
 * a slip after the first letter can come from, and its second letter's, for a letter typed before
 * the word or the first two swapped (`ewbhook`). A slip in the first letter itself (`vebhook`,
 * `ebhook`) is not corrected: finding it would mean reading every shard.
 */
export function shardsFor(word: string): string[] {
	const [first = '', second = ''] = [...word];
	return [...new Set([shardOf(first), ...(second ? [shardOf(second)] : [])])];
}

/** A speller whose vocabulary is fetched shard by shard as words need correcting. */
export interface LazySpeller {
	/** The correction of one lower-case word (see {@link Speller.correctWord}), fetching its shards. */
	correctWord(word: string): Promise<string | null>;
}

/**
 * A {@link LazySpeller} over `load`, which fetches one shard. Each shard is fetched once; when a
 * fetch fails the word is left uncorrected and the shard forgotten, so the next word tries again.
 */
export function shardedSpeller(load: (shard: string) => Promise<Vocabulary>): LazySpeller {
	const shards = new Map<string, Promise<Vocabulary>>();
	const shard = (key: string) => {
		let loading = shards.get(key);
		if (!loading) {
			loading = load(key);
			loading.catch(() => shards.delete(key));
			shards.set(key, loading);
		}
		return loading;
	};
	return {
		async correctWord(word) {
			if (word.length < MIN_LENGTH) return null;
			let parts: Vocabulary[];
			try {
				parts = await Promise.all(shardsFor(word).map(shard));
			} catch {
				return null;
			}
			return createSpeller({
				words: parts.flatMap((v) => v.words),
				counts: parts.flatMap((v) => v.counts),
			}).correctWord(word);
		},
	};
}
