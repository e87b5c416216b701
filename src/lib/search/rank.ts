/**
 * Ranking with optional words. Pagefind only returns pages that hold every word of a query, so
 * a question ("why does my agent stall on big tasks") finds nothing as soon as one word is
 * missing. Here each content term is searched on its own, and a page ranks by the terms it
 * holds, each weighted by how rare it is (IDF: a word on most pages says little) and by where
 * it matches (title or aliases, summary, body), then by Pagefind's own scores. Pure: the browser
 * engine (src/scripts/search-index.ts) feeds it Pagefind's answers.
 */

/** Pages holding one term: Pagefind page id → Pagefind's score for the term there. */
export type TermPages = ReadonlyMap<string, number>;

/** A page that holds at least one term. */
export interface Candidate {
	id: string;
	/** Indexes of the terms it holds. */
	held: number[];
	/** IDF-weighted terms held, before match locations are known. */
	score: number;
	/** Sum over held terms of Pagefind's score relative to the term's best page (0–1 each). */
	pagefind: number;
}

/** How rare a term is: BM25's IDF, always positive, higher for terms on fewer pages. */
export function idf(pagesWithTerm: number, totalPages: number): number {
	return Math.log(1 + (totalPages - pagesWithTerm + 0.5) / (pagesWithTerm + 0.5));
}

/** Pagefind metadata fields whose match counts as a title match. */
const TITLE_FIELDS = new Set(['title', 'aliases']);
/** Pagefind metadata fields whose match counts as a summary match ("use when" lines included). */
const SUMMARY_FIELDS = new Set(['summary']);

/**
 * Weight of a term's match on a page by where it is, from the metadata fields Pagefind reports
 * the term matched (`matchedMetaFields`, known without loading the page's fragment): a title or
 * alias match counts three times a body match, a summary match twice.
 */
export function fieldWeight(matchedFields: readonly string[] | undefined): number {
	if (matchedFields?.some((field) => TITLE_FIELDS.has(field))) return 3;
	if (matchedFields?.some((field) => SUMMARY_FIELDS.has(field))) return 2;
	return 1;
}

/**
 * Pages holding at least one term, best first by IDF-weighted terms held. Before match
 * locations are known, Pagefind's score for a term on a page (which already weighs titles up)
 * stands in for where the term matches: a page gets half a term's IDF for holding it and up to
 * the other half as its score nears the term's best page.
 */
export function rankCandidates(
	terms: readonly TermPages[],
	totalPages: number,
	keep: (id: string) => boolean = () => true,
): Candidate[] {
	const byId = new Map<string, Candidate>();
	terms.forEach((pages, t) => {
		const weight = idf(pages.size, totalPages);
		const best = Math.max(0, ...pages.values());
		for (const [id, score] of pages) {
			if (!keep(id)) continue;
			const relative = best > 0 ? score / best : 0;
			const candidate = byId.get(id) ?? { id, held: [], score: 0, pagefind: 0 };
			candidate.held.push(t);
			candidate.score += weight * (0.5 + 0.5 * relative);
			candidate.pagefind += relative;
			byId.set(id, candidate);
		}
	});
	return [...byId.values()].sort(
		(a, b) => b.score - a.score || b.pagefind - a.pagefind || (a.id < b.id ? -1 : 1),
	);
}

/**
 * The final score of a page once it is known where its terms match: the IDF of every held term
 * times the weight of where it matches there ({@link fieldWeight}).
 */
export function locatedScore(
	held: readonly number[],
	weightOfTerm: (term: number) => number,
	terms: readonly TermPages[],
	totalPages: number,
): number {
	return held.reduce((sum, t) => sum + idf(terms[t]!.size, totalPages) * weightOfTerm(t), 0);
}

/** A candidate with its located score. */
export interface Located extends Candidate {
	located: number;
}

/** The ranking shown: by located score, then terms held, then Pagefind's scores. */
export function finalOrder(located: readonly Located[]): Located[] {
	return [...located].sort(
		(a, b) =>
			b.located - a.located ||
			b.held.length - a.held.length ||
			b.pagefind - a.pagefind ||
			(a.id < b.id ? -1 : 1),
	);
}

/** With at least this many pages holding every term, pages holding fewer are left out. */
export const ENOUGH_FULL_MATCHES = 5;

/**
 * The candidates to show: those holding every term when there are enough of them (a precise
 * keyword query stays precise), otherwise all, so a question with one word no page has still
 * finds the pages holding the others.
 */
export function relax(candidates: readonly Candidate[], termCount: number): {
	candidates: Candidate[];
	relaxed: boolean;
} {
	const full = candidates.filter((c) => c.held.length === termCount);
	if (full.length >= ENOUGH_FULL_MATCHES || full.length === candidates.length) {
		return { candidates: full, relaxed: false };
	}
	return { candidates: [...candidates], relaxed: true };
}
