/**
 * The query of `/search/?q=` written into the page's search box on the server side, for visitors
 * without JavaScript: a static host serves the same HTML whatever the query string says, so only
 * a server (`npm run serve`, or a host's edge function, see the README) can keep the query.
 */
import { htmlAttribute } from '../escape.ts';

/** The attribute that marks the /search/ page's input (src/pages/search.astro). */
export const SEARCH_PAGE_INPUT = 'data-search-page-input';

/**
 * The /search/ page's HTML with `query` as the value of its search box. Outside text: it goes
 * through {@link htmlAttribute}. Unchanged when the query is empty or the page has no such box.
 */
export function fillSearchQuery(html: string, query: string): string {
	if (!query) return html;
	// The value goes first, so however the marker attribute is written the tag stays whole.
	const input = new RegExp(`<input(?=\\s[^>]*\\s${SEARCH_PAGE_INPUT}[\\s>/=])`);
	return html.replace(input, () => `<input value="${htmlAttribute(query)}"`);
}
