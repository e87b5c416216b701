// The CustomEvents the site's components dispatch on `document` for the analytics client to
// record. Kept in one place so the search UI, the vote widget and the client agree on them.

/** The search UI settled on a query (after a pause in typing, or on Enter). */
export const SEARCH_EVENT = 'tierzero:search';
/** The visitor opened a search result. */
export const RESULT_CLICK_EVENT = 'tierzero:result-click';
/** The visitor answered "Was this helpful?" (HelpfulVote.astro). */
export const HELPFUL_VOTE_EVENT = 'tierzero:helpful-vote';

/** `detail` of {@link SEARCH_EVENT}. */
export interface SearchDetail {
	/** The query as typed; the client normalizes and scrubs it. */
	query: string;
	/** How many results the search found. */
	results: number;
}

/** `detail` of {@link RESULT_CLICK_EVENT}. */
export interface ResultClickDetail {
	query: string;
	/** 1 for the first result. */
	rank: number;
	/** URL path of the result, e.g. /kb/KB-0042/. */
	target: string;
}

/** `detail` of {@link HELPFUL_VOTE_EVENT}. */
export interface HelpfulVoteDetail {
	/** The KB article or FAQ id. */
	id: string;
	helpful: boolean;
	/** What the visitor wrote after "No", as typed; the client scrubs it. */
	reason?: string;
}
