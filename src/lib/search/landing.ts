/**
 * Where a search result should take the reader. Pagefind splits each page at its headings
 * (those with an id, which rehype-slug gives every heading) into sub-results; when a section
 * holds more of the query's terms than the page's opening (title, summary and the text before
 * the first heading), the result links to that section, so a reader looking for a fix lands on
 * "Solution" rather than at the top of a long article.
 *
 * Pagefind's own per-word scores are not used to choose: they weight a title or summary word
 * ten and five times, so one stop word in the summary outscores a section that holds every
 * other word of the query. What counts is how many of the query's terms a part holds: a term is
 * in a part when one of the positions Pagefind matched for that term (searched alone, so its
 * stemming decides what a form of it is) is among the part's.
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

/** A page's parts, as Pagefind reports them with a result's fragment. */
export interface LandingSource<P extends SubResult> {
	sub_results?: P[];
}

/** How well a part matches: query terms it holds, then how many matched words. */
function score(part: SubResult, termLocations: readonly (readonly number[])[]): [number, number] {
	const held = part.locations.length;
	if (termLocations.length === 0) return [held, held];
	const here = new Set(part.locations);
	return [termLocations.filter((locations) => locations.some((at) => here.has(at))).length, held];
}

const beats = (a: [number, number], b: [number, number]) =>
	a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * The section that holds most of the query's terms, or undefined for the page itself. The page's
 * opening wins ties on terms, and a section must hold at least one matched word to be chosen.
 * `termLocations` holds, per query term, the positions Pagefind matched for it on this page
 * (none: no terms, as for an entry ID, and matched words are counted).
 */
export function landingPart<P extends SubResult>(
	page: LandingSource<P>,
	termLocations: readonly (readonly number[])[],
): P | undefined {
	let opening: [number, number] = [0, 0];
	let best: P | undefined;
	let bestScore: [number, number] = [0, 0];
	for (const part of page.sub_results ?? []) {
		const s = score(part, termLocations);
		if (!part.url.includes('#')) opening = s;
		else if (beats(s, bestScore)) {
			best = part;
			bestScore = s;
		}
	}
	// A section has to hold more of the query than the opening to be worth skipping the top.
	return best && bestScore[0] > opening[0] ? best : undefined;
}
