/**
 * The "did you mean" flow around a search function: Pagefind drops query words it has never
 * indexed and matches the rest, so a typo silently narrows (or empties) the results. Here a word
 * the speller would correct is corrected only when the index confirms it matches nothing.
 */
import { applyCorrections, type Speller } from './spell.ts';

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
export interface CorrectionSearch<R> {
	/** Runs a query with the current filters. */
	search(query: string): Promise<R>;
	/** Whether a single word matches no indexed page at all (filters ignored). */
	isUnknown(word: string): Promise<boolean>;
}

/**
 * Searches `query`; when some of its words are unknown to both the vocabulary and the index and
 * their correction finds results, shows those instead (`typed` set). With `literal` (the reader
 * chose "search instead for …") the typed query's results stay, and the correction becomes a
 * `suggestion`. Without a speller (vocabulary not loaded) it is a plain search.
 */
export async function searchWithCorrection<R extends { results: readonly unknown[] }>(
	query: string,
	index: CorrectionSearch<R>,
	speller: Speller | null,
	{ literal = false }: { literal?: boolean } = {},
): Promise<SearchOutcome<R>> {
	const typedResponse = await index.search(query);
	const plain = { query, response: typedResponse };
	const candidates = speller?.suggest(query) ?? [];
	if (candidates.length === 0) return plain;
	const unknown = await Promise.all(candidates.map((c) => index.isUnknown(c.typed)));
	const corrections = candidates.filter((_, i) => unknown[i]);
	if (corrections.length === 0) return plain;
	const corrected = applyCorrections(query, corrections);
	const correctedResponse = await index.search(corrected);
	if (correctedResponse.results.length === 0) return plain;
	if (literal) return { ...plain, suggestion: corrected };
	return { query: corrected, response: correctedResponse, typed: query };
}
