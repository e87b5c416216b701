/**
 * The one search ranking the dialog, the home page's search box and /search/ share: Pagefind is
 * the index; on top of it, entry IDs go first, fillers are left out, writers' synonyms stand in
 * for each other, typos are corrected, and pages rank by the query terms they hold, weighted by
 * rarity and by where they match (src/lib/search/rank.ts).
 */
import type { FilterCounts, Found, Hit, SearchEngine } from '../lib/search/controller.ts';
import { skipCommon } from '../lib/search/common-words.ts';
import { isRealMatch, searchWithCorrection } from '../lib/search/correct.ts';
import { FILTER_GROUPS, hasFilters, pagefindFilters, type FilterSelection } from '../lib/search/filters.ts';
import { entryIdOf, parseQuery, STOP_WORDS, type QueryTerm } from '../lib/search/query.ts';
import {
	fieldWeight,
	finalOrder,
	locatedScore,
	rankCandidates,
	relax,
	type Candidate,
	type TermPages,
} from '../lib/search/rank.ts';
import { markedExcerpt, partExcerptSpan } from '../lib/search/excerpt.ts';
import { TEXT_BLOCK_WORDS } from '../lib/search/fragment-text.ts';
import { landingPart, type Landing } from '../lib/search/landing.ts';
import {
	EXCERPT_WORDS,
	loadSearchIndex,
	loadTextBlock,
	runSearch,
	type PagefindData,
	type PagefindResult,
	type SearchIndex,
} from './search-index.ts';

/** What a result shows: its page's title and facts, and where it leads with which excerpt. */
export interface ResultData {
	/** The page. */
	url: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
	/** The page or the section the result opens, and the excerpt shown for it. */
	landing: Landing;
}

/** A result's fragment, copied (see snapshot), with its fragment's name. */
interface Snapshot extends PagefindData {
	name: string;
}

/** The filter that carries entry IDs (PagefindData.astro); it gets no chips. */
const ID_FILTER = 'id';

/**
 * Pagefind hands every caller of `data()` for a page the same fragment object and rewrites its
 * locations and excerpt on each call, so calls are queued and their answers copied.
 */
let fragmentQueue: Promise<unknown> = Promise.resolve();
function snapshot(result: PagefindResult): Promise<Snapshot> {
	const next = fragmentQueue.then(async (): Promise<Snapshot> => {
		const data = await result.data();
		return {
			...data,
			name: result.id,
			locations: [...data.locations],
			weighted_locations: data.weighted_locations.map((l) => ({ ...l })),
			sub_results: data.sub_results?.map((s) => ({
				...s,
				locations: [...s.locations],
				weighted_locations: s.weighted_locations.map((l) => ({ ...l })),
			})),
		};
	});
	fragmentQueue = next.catch(() => undefined);
	return next;
}

/** Words `[start, start + length)` of a page whose text is in blocks. */
async function textWords(data: Snapshot, start: number, length: number): Promise<string[]> {
	if (length <= 0) return [];
	const first = Math.floor(start / TEXT_BLOCK_WORDS);
	const last = Math.floor((start + length - 1) / TEXT_BLOCK_WORDS);
	const blocks = await Promise.all(
		Array.from({ length: last - first + 1 }, (_, k) => loadTextBlock(data.name, first + k)),
	);
	const offset = start - first * TEXT_BLOCK_WORDS;
	return blocks.flat().slice(offset, offset + length);
}

/**
 * What a result shows: the section that holds most of the query's terms (or the page), and its
 * excerpt, cut from the one or two blocks of text it needs. `termLocations` holds, per query
 * term, the positions Pagefind matched for it on the page (see landingPart).
 */
async function resultData(data: Snapshot, termLocations: readonly (readonly number[])[]): Promise<ResultData> {
	const part = landingPart(data, termLocations);
	let excerpt: string;
	if (data.tz_text) {
		const { words, joiner } = data.tz_text;
		const span = partExcerptSpan(words, EXCERPT_WORDS, data.anchors, data, part);
		const shown = await textWords(data, span.start, span.length);
		excerpt = markedExcerpt(shown, span.start, span.length, (part ?? data).locations, joiner);
	} else {
		// A fragment that still holds its text (a Pagefind version the build does not know).
		excerpt = part?.excerpt ?? data.excerpt;
	}
	return {
		url: data.url,
		meta: data.meta,
		filters: data.filters,
		landing: { url: part?.url ?? data.url, section: part?.title ?? null, excerpt },
	};
}

/** The word at each of a page's positions, as its excerpts show them (undefined when unknown). */
async function wordsAt(data: Snapshot, locations: readonly number[]): Promise<(string | undefined)[]> {
	if (!data.tz_text) {
		const words = data.content.split(/\s+/);
		return locations.map((at) => words[at]);
	}
	// The block of the first position: a word Pagefind matched in place of an unindexed one is
	// the same word at every position, so one block tells.
	const block = Math.floor((locations[0] ?? 0) / TEXT_BLOCK_WORDS);
	const words = await loadTextBlock(data.name, block);
	return locations.map((at) => (Math.floor(at / TEXT_BLOCK_WORDS) === block ? words[at % TEXT_BLOCK_WORDS] : undefined));
}

/** Every filter value's pages, to filter and count relaxed results without asking Pagefind. */
async function loadPageFilters(index: SearchIndex, totals: FilterCounts) {
	const byPage = new Map<string, Record<string, string[]>>();
	for (const [key, values] of Object.entries(totals)) {
		for (const value of Object.keys(values)) {
			const { results } = await runSearch(index.pagefind, null, { [key]: value });
			for (const { id } of results) {
				const filters = byPage.get(id) ?? {};
				(filters[key] ??= []).push(value);
				byPage.set(id, filters);
			}
		}
	}
	return byPage;
}

/** The result, and the word of a term's alternatives, that matched a page best. */
interface TermMatch {
	result: PagefindResult;
	word: string;
}

/** Whether a page's filter values satisfy the pressed chips (each pressed value required). */
function passes(filters: Record<string, string[]> | undefined, selection: FilterSelection) {
	return Object.entries(selection).every(([key, values]) =>
		values.every((value) => filters?.[key]?.includes(value) ?? false),
	);
}

/** The Pagefind engine behind the controller. */
export function pagefindEngine(): SearchEngine<ResultData> {
	let index: SearchIndex | undefined;
	/** Every page's chip filter values, once the reader opens the filters or presses a chip. */
	let pageFilters: Map<string, Record<string, string[]>> | undefined;
	/** Pages holding each searched word, unfiltered, for the page's lifetime. */
	const wordPages = new Map<string, Promise<Map<string, PagefindResult>>>();

	function pagesOf(word: string): Promise<Map<string, PagefindResult>> {
		let pages = wordPages.get(word);
		if (!pages) {
			pages = runSearch(index!.pagefind, word, {}).then(async (response) => {
				const [first] = response.results;
				if (first && !/[\s"]/.test(word) && !(await isIndexed(word))) {
					// Pagefind answers a word it never indexed with the pages of a shorter indexed
					// word that starts it ("xyzzy" finds every "x"): those pages do not hold the word,
					// so nonsense must add no results. One fragment tells whether the matched word is
					// the typed one or one it starts ("webh" while typing "webhooks"); it is also what
					// spelling correction asks (needsCorrection), so the vocabulary is fetched only for
					// such words.
					// Through the queue: a bare data() call rewrites the shared fragment under others.
					const data = await snapshot(first);
					const words = await wordsAt(data, data.locations);
					if (!words.some((found) => isRealMatch(found ?? '', word))) return new Map();
				}
				return new Map(response.results.map((r) => [r.id, r]));
			});
			pages.catch(() => wordPages.delete(word));
			wordPages.set(word, pages);
		}
		return pages;
	}

	/**
	 * Whether Pagefind indexed the word itself (or a word of the same stem): a quoted search only
	 * finds exact words, and it reads the index chunk the plain search has just loaded, so most
	 * words of a question are confirmed without fetching anything.
	 */
	async function isIndexed(word: string): Promise<boolean> {
		const { results } = await runSearch(index!.pagefind, `"${word}"`, {});
		return results.length > 0;
	}

	/**
	 * Per term, the pages holding it or one of its synonyms, each with the result (and word) that
	 * scored best there.
	 */
	async function termPages(terms: QueryTerm[]) {
		return Promise.all(
			terms.map(async (term) => {
				const best = new Map<string, TermMatch>();
				const alternatives = await Promise.all(term.alternatives.map(pagesOf));
				alternatives.forEach((results, a) => {
					for (const [id, result] of results) {
						if ((best.get(id)?.result.score ?? -1) < result.score) {
							best.set(id, { result, word: term.alternatives[a]! });
						}
					}
				});
				return { best, alternatives };
			}),
		);
	}

	/**
	 * A page's fragment as found by the words of the query it holds, so its excerpt, sections and
	 * locations cover all of them; the first held term's result when Pagefind disagrees.
	 */
	async function fragmentOf(candidate: Candidate, found: Map<string, TermMatch>[]) {
		const matches = candidate.held.map((t) => found[t]!.get(candidate.id)!);
		const together = (await pagesOf(matches.map((m) => m.word).join(' '))).get(candidate.id);
		const data = await snapshot(together ?? matches[0]!.result);
		return resultData(data, found.map((pages) => pages.get(candidate.id)?.result.words ?? []));
	}

	/**
	 * How a term matches a page at best, over its alternatives: in the title or an alias, in the
	 * summary, or in the body, as Pagefind reports with each result ({@link fieldWeight}).
	 */
	function termWeight(id: string, alternatives: readonly Map<string, PagefindResult>[]): number {
		return Math.max(...alternatives.map((pages) => fieldWeight(pages.get(id)?.matchedMetaFields)));
	}

	/** The ranked pages for a query, with filter counts over them. */
	async function rankedSearch(query: string, selection: FilterSelection) {
		const parsed = parseQuery(query, index!.synonyms);
		// Words on a large share of the pages are left out beside rarer ones: their posting lists
		// are the heaviest fetches, and their rarity weight barely moves the ranking.
		const { searched: terms, skipped } = skipCommon(parsed.terms, index!.common);
		const ignored = [...parsed.ignored, ...skipped.map((term) => term.text)];
		const matches = await termPages(terms);
		const found = matches.map((m) => m.best);
		const total = index!.pageCount || Math.max(...found.map((f) => f.size), 1);
		const scores: TermPages[] = found.map(
			(pages) => new Map([...pages].map(([id, { result }]) => [id, result.score])),
		);
		const keep = (id: string) => passes(pageFilters?.get(id), selection);
		const { candidates, relaxed } = relax(rankCandidates(scores, total, keep), terms.length);
		// Every candidate is placed by where its terms match, which Pagefind reports with each
		// result: no fragment loads before the results are shown, and then only theirs.
		const order = finalOrder(
			candidates.map((c) => ({
				...c,
				located: locatedScore(c.held, (t) => termWeight(c.id, matches[t]!.alternatives), scores, total),
			})),
		);
		const results: Hit<ResultData>[] = order.map((c) => ({ data: () => fragmentOf(c, found) }));
		const filters: FilterCounts = {};
		for (const { id } of order) {
			for (const [key, values] of Object.entries(pageFilters?.get(id) ?? {})) {
				for (const value of values) {
					const counts = (filters[key] ??= {});
					counts[value] = (counts[value] ?? 0) + 1;
				}
			}
		}
		// Words some results lack: every term not held by all of them, when relaxed.
		const partial = relaxed
			? terms.filter((_, t) => order.some((c) => !c.held.includes(t))).map((term) => term.text)
			: [];
		return { results, filters, ignored, optional: partial, ids: order.map((c) => c.id) };
	}

	/** The page of an entry ID, or undefined when no such entry is indexed. */
	async function entryPage(id: string): Promise<PagefindResult | undefined> {
		const { results } = await runSearch(index!.pagefind, null, { [ID_FILTER]: id });
		return results[0];
	}

	return {
		async load() {
			index = await loadSearchIndex();
		},
		async loadFilters() {
			if (!index) throw new Error('Search: the index is not loaded');
			// The chips' filters only, through a search that holds every page: Pagefind's
			// filters() would also fetch the entry-ID filter, one value per entry (on a
			// 5,000-article site the largest filter file), which only an ID query needs.
			const everyPage = Object.fromEntries(FILTER_GROUPS.map(({ key }) => [key, { any: [] }]));
			const { filters: totals } = await runSearch(index.pagefind, null, everyPage);
			pageFilters = await loadPageFilters(index, totals);
			return totals;
		},
		async search(typed, selection, { literal }): Promise<Found<ResultData>> {
			if (!index) throw new Error('Search: the index is not loaded');
			// The controller loads the filters before it searches with chips pressed.
			if (hasFilters(selection) && !pageFilters) throw new Error('Search: the filters are not loaded');
			const { pagefind } = index;
			if (!typed) {
				// Filters alone list every page they match: browsing by chip.
				const response = await runSearch(pagefind, null, pagefindFilters(selection));
				const hits = response.results.map((result) => ({
					data: async () => resultData(await snapshot(result), []),
				}));
				return { query: '', ignored: [], hits, filters: response.filters };
			}
			const entry = entryIdOf(typed);
			const [pinned, outcome] = await Promise.all([
				entry ? entryPage(entry.id) : undefined,
				searchWithCorrection(
					typed,
					{
						search: (query) => rankedSearch(query, selection),
						// Fillers ("why", "teh") are never corrected: not worth a search. Nor are common
						// words: they are on many pages, and searching them is what skipping saves.
						needsCorrection: async (word) =>
							!STOP_WORDS.has(word) && !index!.common.has(word) && (await pagesOf(word)).size === 0,
					},
					index.speller,
					{ literal },
				),
			]);
			const { results, filters, ignored, optional, ids } = outcome.response;
			const hits = pinned
				? [
						{ data: async () => resultData(await snapshot(pinned), []) },
						...results.filter((_, i) => ids[i] !== pinned.id),
					]
				: results;
			return {
				query: outcome.query,
				typed: outcome.typed,
				suggestion: outcome.suggestion,
				ignored: pinned ? [] : ignored,
				optional: pinned ? [] : optional,
				exactId: pinned ? entry!.id : undefined,
				hits,
				filters,
			};
		},
	};
}
