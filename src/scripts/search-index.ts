/**
 * Loads the search index on first use: Pagefind's JS (generated into the built site after
 * `astro build`, so it is imported by URL and never bundled) and the spelling vocabulary.
 */
import { isRealMatch } from '../lib/search/correct.ts';
import type { SubResult } from '../lib/search/landing.ts';
import type { SynonymGroups } from '../lib/search/query.ts';
import { createSpeller, type Speller, type Vocabulary } from '../lib/search/spell.ts';

/** The parts of a Pagefind result fragment the UI shows. */
export interface PagefindData {
	url: string;
	excerpt: string;
	/** The page's indexed text; `locations` index its whitespace-separated words. */
	content: string;
	/** Positions of the words that matched the query. */
	locations: number[];
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
	/** The page's parts between headings; see landingFor. */
	sub_results?: SubResult[];
	/** `locations` with the `data-pagefind-weight` of each (title 10, summary 5, body 1). */
	weighted_locations?: { weight: number; location: number }[];
}

/** One ranked result; `data()` loads its fragment. */
export interface PagefindResult {
	id: string;
	/** Pagefind's relevance score for the query. */
	score: number;
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
	filters(): Promise<FilterCounts>;
}

/** The loaded index: Pagefind, and the speller and synonyms when the vocabulary loaded. */
export interface SearchIndex {
	pagefind: Pagefind;
	speller: Speller | null;
	synonyms: SynonymGroups;
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
	// Short excerpts keep results scannable in a dialog.
	await pagefind.options({ excerptLength: 24 });
	await pagefind.init();
	return pagefind;
}

/** What `/search-vocabulary.json` holds: the vocabulary and the writers' synonym groups. */
interface SearchVocabulary extends Vocabulary {
	synonyms?: string[][];
}

/**
 * The vocabulary is an aid: without it search still works, only without typo correction and
 * synonyms.
 */
async function loadVocabulary(): Promise<{ speller: Speller | null; synonyms: SynonymGroups }> {
	const url = `${BASE}search-vocabulary.json`;
	try {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const vocabulary = (await response.json()) as SearchVocabulary;
		if (!Array.isArray(vocabulary.words) || !Array.isArray(vocabulary.counts)) {
			throw new Error('not a vocabulary: expected { words: [], counts: [] }');
		}
		return { speller: createSpeller(vocabulary), synonyms: vocabulary.synonyms ?? [] };
	} catch (cause) {
		console.error(new Error(`Search: spelling correction is off, ${url} failed`, { cause }));
		return { speller: null, synonyms: [] };
	}
}

let loading: Promise<SearchIndex> | undefined;

/**
 * The search index, loaded once per page. A failed load is forgotten so the next attempt
 * (reopening search) tries again.
 */
export function loadSearchIndex(): Promise<SearchIndex> {
	loading ??= Promise.all([loadPagefind(), loadVocabulary()]).then(
		([pagefind, vocabulary]) => ({ pagefind, ...vocabulary }),
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

/**
 * Whether the index holds `word` (or words it starts). Pagefind answers a word it lacks with its
 * fallback to a shorter indexed word, so the words it matched on the best page are checked.
 */
export async function isIndexed(pagefind: Pagefind, word: string): Promise<boolean> {
	const [best] = (await runSearch(pagefind, word, {})).results;
	if (!best) return false;
	const { content, locations } = await best.data();
	const words = content.split(/\s+/);
	return locations.some((at) => isRealMatch(words[at] ?? '', word));
}

