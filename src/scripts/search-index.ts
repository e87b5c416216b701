/**
 * Loads the search index on first use: Pagefind's JS (generated into the built site after
 * `astro build`, so it is imported by URL and never bundled) and the writers' synonyms. The
 * spelling vocabulary is fetched shard by shard, only when a word needs correcting.
 */
import type { CommonWords } from '../lib/search/common-words.ts';
import type { PartSource, WeightedLocation } from '../lib/search/excerpt.ts';
import { textBlockPath, type FragmentAnchor, type TextInfo } from '../lib/search/fragment-text.ts';
import type { SubResult } from '../lib/search/landing.ts';
import type { SynonymGroups } from '../lib/search/query.ts';
import { shardedSpeller, type LazySpeller, type Vocabulary } from '../lib/search/spell.ts';

/** Words in an excerpt: short excerpts keep results scannable in a dialog. */
export const EXCERPT_WORDS = 24;

/** The parts of a Pagefind result fragment the UI reads. */
export interface PagefindData {
	url: string;
	/** Pagefind's excerpt: empty when the text was moved into blocks (`tz_text`). */
	excerpt: string;
	/**
	 * The page's indexed text; `locations` index its whitespace-separated words. Empty when the
	 * build moved it into blocks (src/lib/search/fragment-text.ts).
	 */
	content: string;
	/** Where the text went, when the build moved it. */
	tz_text?: TextInfo;
	/** Positions of the words that matched the query. */
	locations: number[];
	/** The same, with Pagefind's score for each (what excerpts centre on). */
	weighted_locations: WeightedLocation[];
	anchors: FragmentAnchor[];
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
	/** The page's parts between headings; see landingPart. */
	sub_results?: (SubResult & PartSource)[];
}

/** One ranked result; `data()` loads its fragment. */
export interface PagefindResult {
	/** The page's fragment name. */
	id: string;
	/** Pagefind's relevance score for the query. */
	score: number;
	/** Positions of the words that matched the query, known without loading the fragment. */
	words: number[];
	/** The metadata fields (title, summary, aliases…) the query matched on the page. */
	matchedMetaFields?: string[];
	data(): Promise<PagefindData>;
}

/** Filter key → value → number of pages. */
export type FilterCounts = Record<string, Record<string, number>>;

/** What `pagefind.search()` resolves to. */
export interface PagefindResponse {
	results: PagefindResult[];
	/** Counts under each filter value for this query and the current filters. */
	filters: FilterCounts;
}

/** The subset of Pagefind 1.6's module API used here. */
export interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(query: string | null, options?: { filters?: object }): Promise<PagefindResponse | null>;
}

/** The loaded index: Pagefind, the synonyms (none when they failed to load) and the speller. */
export interface SearchIndex {
	pagefind: Pagefind;
	/** Pages in the index, to weigh words by rarity; 0 when unknown. */
	pageCount: number;
	speller: LazySpeller;
	synonyms: SynonymGroups;
	/** Words too common to search beside rarer ones (src/lib/search/common-words.ts). */
	common: ReadonlySet<string>;
}

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

async function loadPagefind(): Promise<Pagefind> {
	const url = `${BASE}pagefind/pagefind.js`;
	let pagefind: Pagefind;
	try {
		pagefind = await import(/* @vite-ignore */ url);
	} catch (cause) {
		throw new Error(`Could not load the search index from ${url}`, { cause });
	}
	// Short excerpts keep results scannable in a dialog. No web worker: its script would be a
	// second copy of Pagefind's search code to fetch (12 KB compressed) before the first result,
	// and a search here takes milliseconds on the main thread.
	await pagefind.options({ excerptLength: EXCERPT_WORDS, noWorker: true });
	await pagefind.init();
	return pagefind;
}

/** Synonyms are an aid: without them search still works, only without the writers' synonyms. */
async function loadSynonyms(): Promise<SynonymGroups> {
	const url = `${BASE}search-vocabulary.json`;
	try {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const { synonyms } = (await response.json()) as { synonyms?: unknown };
		if (!Array.isArray(synonyms)) throw new Error('expected { synonyms: [] }');
		return synonyms as SynonymGroups;
	} catch (cause) {
		console.error(new Error(`Search: synonyms are off, ${url} failed`, { cause }));
		return [];
	}
}

/**
 * One shard of the spelling vocabulary. A failed one is reported and leaves its words
 * uncorrected; the speller tries it again for the next word.
 */
async function loadShard(shard: string): Promise<Vocabulary> {
	const url = `${BASE}search-vocabulary/${shard}.json`;
	try {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const vocabulary = (await response.json()) as Vocabulary;
		if (!Array.isArray(vocabulary.words) || !Array.isArray(vocabulary.counts)) {
			throw new Error('not a vocabulary: expected { words: [], counts: [] }');
		}
		return vocabulary;
	} catch (cause) {
		const error = new Error(`Search: spelling correction failed, ${url} did not load`, { cause });
		console.error(error);
		throw error;
	}
}

/**
 * The page count ranking weighs words by, and the site's common words: one small file the build
 * writes after Pagefind (src/lib/search/common-words-fs.ts). Without it search still works, only
 * fetching more (every word of a query is searched) and estimating the page count (0 here).
 */
async function loadCommonWords(): Promise<{ pageCount: number; common: ReadonlySet<string> }> {
	const url = `${BASE}pagefind/common-words.json`;
	try {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const languages = (await response.json()) as Record<string, Partial<CommonWords>>;
		// One language per site here; Pagefind too falls back to the largest index.
		const [largest] = Object.values(languages).sort((a, b) => (Number(b.pages) || 0) - (Number(a.pages) || 0));
		const words = largest?.words ?? [];
		if (!Array.isArray(words)) throw new Error('expected { [language]: { pages, words: [] } }');
		return {
			pageCount: Math.max(0, Number(largest?.pages) || 0),
			common: new Set(words.filter((word): word is string => typeof word === 'string')),
		};
	} catch (cause) {
		console.error(new Error(`Search: every query word is searched, ${url} failed`, { cause }));
		return { pageCount: 0, common: new Set() };
	}
}

const textBlocks = new Map<string, Promise<string[]>>();

/**
 * One block of a page's words (fragment-text.ts), fetched once per page view; a failed one is
 * forgotten so the next excerpt that needs it tries again.
 */
export function loadTextBlock(fragmentName: string, block: number): Promise<string[]> {
	const url = `${BASE}pagefind/${textBlockPath(fragmentName, block)}`;
	let words = textBlocks.get(url);
	if (!words) {
		words = fetch(url).then(async (response) => {
			if (!response.ok) throw new Error(`Search: ${url} did not load (HTTP ${response.status})`);
			const body: unknown = await response.json();
			if (!Array.isArray(body)) throw new Error(`Search: ${url} is not a list of words`);
			return body as string[];
		});
		words.catch(() => textBlocks.delete(url));
		textBlocks.set(url, words);
	}
	return words;
}

let loading: Promise<SearchIndex> | undefined;

/**
 * The search index, loaded once per page. A failed load is forgotten so the next attempt
 * (reopening search) tries again.
 */
export function loadSearchIndex(): Promise<SearchIndex> {
	loading ??= Promise.all([loadPagefind(), loadSynonyms(), loadCommonWords()]).then(
		([pagefind, synonyms, { pageCount, common }]) => ({ pagefind, pageCount, synonyms, common, speller: shardedSpeller(loadShard) }),
		(error: unknown) => {
			loading = undefined;
			throw error;
		},
	);
	return loading;
}

/**
 * Runs a Pagefind search and checks what comes back, so a broken index surfaces as an error
 * with its cause rather than as "no results".
 */
export async function runSearch(
	pagefind: Pagefind,
	query: string | null,
	filters: object,
): Promise<PagefindResponse> {
	let response: PagefindResponse | null;
	try {
		response = await pagefind.search(query, { filters });
	} catch (cause) {
		throw new Error(`Search for "${query ?? ''}" failed`, { cause });
	}
	if (!response || !Array.isArray(response.results)) {
		throw new Error(`Search for "${query ?? ''}" returned no result list`, { cause: response });
	}
	return response;
}
