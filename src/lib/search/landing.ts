/**
 * Where a search result should take the reader. Pagefind splits each page at its headings
 * (those with an id, which rehype-slug gives every heading) into sub-results; when a section
 * holds more of the query's terms than the page's opening (title, summary and the text before
 * the first heading), the result links to that section, so a reader looking for a fix lands on
 * "Solution" rather than at the top of a long article.
 *
 * Pagefind's own per-word scores are not used to choose: they weight a title or summary word
 * ten and five times, so one stop word in the summary outscores a section that holds every
 * other word of the query. What counts is how many of the query's terms a part holds.
 */

/** One part of a page between headings, as Pagefind 1.6 reports it. */
export interface SubResult {
	title: string;
	url: string;
	excerpt: string;
	/** Positions, in the page's whitespace-separated words, of the words that matched. */
	locations: number[];
}

/** What one result shows and links to. */
export interface Landing {
	url: string;
	/** The heading of the section linked to, or null for the page itself. */
	section: string | null;
	excerpt: string;
}

/** The fields of a Pagefind result fragment that decide its landing. */
export interface LandingSource {
	url: string;
	excerpt: string;
	/** The page's indexed text; without it, matched words are counted rather than told apart. */
	content?: string;
	sub_results?: SubResult[];
}

const normalizeWord = (word: string): string =>
	word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Whether a matched page word is a form of a query term. Pagefind stems both, so "leaked"
 * matches "leak" and "rotation" matches "rotating"; a shared start of up to five letters is
 * the stand-in for its stemmer, which the browser does not expose.
 */
function isFormOf(word: string, term: string): boolean {
	const n = Math.min(5, word.length, term.length);
	return n > 0 && word.slice(0, n) === term.slice(0, n);
}

/** How well a part matches: query terms it holds a form of, then how many matched words. */
function score(part: SubResult, terms: string[], words: string[] | undefined): [number, number] {
	if (!words || terms.length === 0) return [part.locations.length, part.locations.length];
	const matched = part.locations.map((at) => normalizeWord(words[at] ?? '')).filter(Boolean);
	const covered = terms.filter((term) => matched.some((word) => isFormOf(word, term)));
	return [covered.length, part.locations.length];
}

const beats = (a: [number, number], b: [number, number]) =>
	a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * The page, or the section that holds most of the query's terms. The page's opening wins
 * ties on terms, and a section must hold at least one matched word to be chosen.
 */
export function landingFor(page: LandingSource, query: string): Landing {
	const terms = [...new Set(query.split(/\s+/).map(normalizeWord).filter(Boolean))];
	const words = page.content?.split(/\s+/);
	let opening: [number, number] = [0, 0];
	let best: SubResult | undefined;
	let bestScore: [number, number] = [0, 0];
	for (const part of page.sub_results ?? []) {
		const s = score(part, terms, words);
		if (!part.url.includes('#')) opening = s;
		else if (beats(s, bestScore)) {
			best = part;
			bestScore = s;
		}
	}
	// A section has to hold more of the query than the opening to be worth skipping the top.
	if (!best || bestScore[0] <= opening[0])
		return { url: page.url, section: null, excerpt: page.excerpt };
	return { url: best.url, section: best.title, excerpt: best.excerpt };
}
