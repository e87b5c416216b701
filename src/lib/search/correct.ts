/**
 * The "did you mean" flow around a search function. Pagefind 1.6 has no typo tolerance: for a
 * word it has never indexed it falls back to the longest indexed word the typed one starts with
 * ("webhok" matches pages containing "web"), so a typo yields few, wrong results rather than none.
 * The result count cannot tell a typo; the vocabulary of the indexed pages proposes corrections
 * and, where the index can be asked, it confirms the typed word really is not indexed.
 */
import { applyCorrections, MIN_LENGTH, WORD, type Correction } from './spell.ts';

/** What to show for a query, and how it relates to what was typed. */
export interface SearchOutcome<R> {
	/** The query whose results are shown: the typed one, or its correction. */
	query: string;
	response: R;
	/** Set when `response` is for a corrected query: the query as typed ("search instead for …"). */
	typed?: string;
	/** Set when the typed query was searched as is although a correction finds results. */
	suggestion?: string;
}

/** How {@link searchWithCorrection} reaches the index. */
export interface CorrectionIndex<R> {
	/** Runs a query with the current filters. */
	search(query: string): Promise<R>;
	/**
	 * Whether a lower-case query word needs correcting: the index does not hold it (or words it
	 * starts). Asked before the speller, so the vocabulary is fetched only for such words. Without
	 * it, the speller alone decides.
	 */
	needsCorrection?(word: string): Promise<boolean>;
}

/** What corrects one lower-case word: a loaded `Speller` or a `LazySpeller` (spell.ts). */
export interface WordCorrector {
	correctWord(word: string): string | null | Promise<string | null>;
}

/**
 * Whether a word Pagefind matched for a typed word is a real match (the typed word, a longer word
 * it starts, or a form with the same stem) rather than its fallback to a short indexed start:
 * they must share all but the last three letters of the typed word, and at least four.
 */
export function isRealMatch(matched: string, typed: string): boolean {
	// Both without punctuation: a hyphenated query word (`x-caro-event-id`) matches as written.
	const a = matched.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
	const b = typed.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
	let common = 0;
	while (common < a.length && common < b.length && a[common] === b[common]) common++;
	return common === b.length || (common >= 4 && common >= b.length - 3);
}

/**
 * Searches `query`, or, when the speller corrects some of its words (that the index confirms it
 * lacks) and the corrected query finds results, the corrected query, with `typed` set to what
 * was typed. With `literal` (the reader chose "search instead for …") the typed query is searched
 * and the correction becomes a `suggestion`. Without a speller it is a plain search.
 */
export async function searchWithCorrection<R extends { results: readonly unknown[] }>(
	query: string,
	index: CorrectionIndex<R>,
	speller: WordCorrector | null,
	{ literal = false }: { literal?: boolean } = {},
): Promise<SearchOutcome<R>> {
	const found = speller
		? await Promise.all(
				[...query.matchAll(WORD)].map(async (match): Promise<Correction | null> => {
					const word = match[0].toLowerCase();
					if (word.length < MIN_LENGTH) return null;
					if (index.needsCorrection && !(await index.needsCorrection(word))) return null;
					const fix = await speller.correctWord(word);
					return fix ? { start: match.index, typed: match[0], fix } : null;
				}),
			)
		: [];
	const corrections = found.filter((c): c is Correction => c !== null);
	if (corrections.length === 0) return { query, response: await index.search(query) };
	const corrected = applyCorrections(query, corrections);
	if (literal) {
		const [response, correctedResponse] = await Promise.all([
			index.search(query),
			index.search(corrected),
		]);
		return correctedResponse.results.length > 0
			? { query, response, suggestion: corrected }
			: { query, response };
	}
	const correctedResponse = await index.search(corrected);
	if (correctedResponse.results.length > 0) {
		return { query: corrected, response: correctedResponse, typed: query };
	}
	return { query, response: await index.search(query) };
}
